package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.ChildRelationship;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.rest.data.DmlErrors;
import dev.forcelink.testkit.internal.rest.data.RecordService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * sObject Tree ({@code POST /composite/tree/{Object}}): record trees with child records nested under their child
 * relationship name ({@code "Contacts": {"records": […]}}), created parent first in listed order, each child
 * getting its parent's id in the relationship's lookup field. All or nothing: the outcome says whether the
 * caller must undo every write.
 *
 * <p>Limits (the REST API guide's sObject Tree resource): at most 200 records in all, 5 object types and a depth
 * of 5. Thread-safe: stateless apart from its collaborators.
 */
final class TreeService {

    static final int MAX_RECORDS = 200;
    static final int MAX_TYPES = 5;
    static final int MAX_DEPTH = 5;

    private final OrgSchema schema;
    private final RecordService records;
    private final LockGate locks;

    TreeService(OrgSchema schema, RecordService records, LockGate locks) {
        this.schema = schema;
        this.records = records;
        this.locks = locks;
    }

    /**
     * The result of a tree request.
     *
     * @param body {@code {"hasErrors","results"}}
     * @param hasErrors whether a record failed (then nothing may be committed)
     */
    record Outcome(ObjectNode body, boolean hasErrors) {
    }

    /**
     * Validates and creates the trees.
     *
     * @param tx the open transaction
     * @param objectName the object of the top-level records, from the path
     * @param body {@code {"records":[…]}}
     * @return the outcome
     * @throws RequestRefused when the body is malformed or breaks a limit
     */
    Outcome create(RecordStore.Transaction tx, String objectName, JsonNode body) {
        SObjectDef root = schema.find(objectName);
        if (root == null || !root.storable()) {
            throw new RequestRefused(404, "NOT_FOUND", "The requested resource does not exist");
        }
        JsonNode list = body == null ? null : body.get("records");
        if (list == null || !list.isArray()) {
            throw new RequestRefused(400, "JSON_PARSER_ERROR", "The request body needs a \"records\" array");
        }
        Shape shape = new Shape();
        List<TreeNode> roots = new ArrayList<>();
        for (JsonNode record : list) {
            roots.add(read(record, root, 1, shape));
        }
        // Limit codes and texts of sObject Tree are unverified; each message names the limit.
        if (shape.count > MAX_RECORDS) {
            throw new RequestRefused(400, "LIMIT_EXCEEDED", "An sObject Tree request can create at most "
                    + MAX_RECORDS + " records; this one has " + shape.count);
        }
        if (shape.types.size() > MAX_TYPES) {
            throw new RequestRefused(400, "LIMIT_EXCEEDED", "An sObject Tree request can hold at most " + MAX_TYPES
                    + " object types; this one has " + shape.types.size() + ": " + shape.types);
        }
        if (shape.depth > MAX_DEPTH) {
            throw new RequestRefused(400, "LIMIT_EXCEEDED", "An sObject Tree can be at most " + MAX_DEPTH
                    + " levels deep; this one has " + shape.depth);
        }
        ArrayNode results = Json.mapper().createArrayNode();
        ArrayNode failures = Json.mapper().createArrayNode();
        for (Map.Entry<String, Integer> entry : shape.referenceIds.entrySet()) {
            for (int i = 0; i < entry.getValue() && entry.getValue() > 1; i++) {
                failures.add(failure(entry.getKey(), new DmlException("INVALID_INPUT",
                        "Duplicate ReferenceId provided in the request: " + entry.getKey())));
            }
        }
        if (failures.isEmpty()) {
            for (TreeNode node : roots) {
                insert(tx, node, null, null, results, failures);
            }
        }
        ObjectNode out = Json.mapper().createObjectNode();
        boolean hasErrors = !failures.isEmpty();
        out.put("hasErrors", hasErrors);
        out.set("results", hasErrors ? failures : results);
        return new Outcome(out, hasErrors);
    }

    private void insert(RecordStore.Transaction tx, TreeNode node, String lookupField, String parentId,
                        ArrayNode results, ArrayNode failures) {
        String id;
        try {
            ObjectNode fields = node.fields;
            if (lookupField != null) {
                fields.set(lookupField, TextNode.valueOf(parentId));
            }
            locks.check(node.def.name(), null, fields);
            id = records.create(tx, node.def.name(), fields).id();
        } catch (DmlException e) {
            failures.add(failure(node.referenceId, e));
            return;
        }
        ObjectNode result = results.addObject();
        result.put("referenceId", node.referenceId);
        result.put("id", id);
        for (Child child : node.children) {
            insert(tx, child.node, child.relationship.field(), id, results, failures);
        }
    }

    private TreeNode read(JsonNode record, SObjectDef expected, int depth, Shape shape) {
        if (!record.isObject()) {
            throw new RequestRefused(400, "JSON_PARSER_ERROR", "Each entry of \"records\" must be a JSON object");
        }
        JsonNode attributes = record.path("attributes");
        String type = attributes.path("type").asText(null);
        String referenceId = attributes.path("referenceId").asText(null);
        if (type == null || referenceId == null || referenceId.isEmpty()) {
            throw new RequestRefused(400, "INVALID_INPUT", "Each record of an sObject Tree needs attributes.type "
                    + "and attributes.referenceId");
        }
        if (!type.equalsIgnoreCase(expected.name())) {
            throw new RequestRefused(400, "INVALID_INPUT", "Record " + referenceId + " has type " + type
                    + " where " + expected.name() + " records belong");
        }
        shape.count++;
        shape.types.add(expected.name());
        shape.depth = Math.max(shape.depth, depth);
        shape.referenceIds.merge(referenceId, 1, Integer::sum);
        Map<String, ChildRelationship> relationships = new HashMap<>();
        for (ChildRelationship relationship : schema.childRelationships(expected.name())) {
            relationships.put(relationship.relationshipName().toLowerCase(Locale.ROOT), relationship);
        }
        ObjectNode fields = Json.mapper().createObjectNode();
        List<Child> children = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : record.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            ChildRelationship relationship = relationships.get(name.toLowerCase(Locale.ROOT));
            if (name.equals("attributes")) {
                continue;
            }
            if (relationship != null && value.isObject() && value.path("records").isArray()) {
                SObjectDef childDef = schema.find(relationship.childSObject());
                for (JsonNode child : value.get("records")) {
                    children.add(new Child(relationship, read(child, childDef, depth + 1, shape)));
                }
            } else {
                fields.set(name, value);
            }
        }
        return new TreeNode(expected, referenceId, fields, children);
    }

    private static ObjectNode failure(String referenceId, DmlException e) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("referenceId", referenceId);
        node.putArray("errors").add(DmlErrors.recordError(e));
        return node;
    }

    private static final class Shape {
        int count;
        int depth;
        final Set<String> types = new LinkedHashSet<>();
        final Map<String, Integer> referenceIds = new LinkedHashMap<>();
    }

    private record TreeNode(SObjectDef def, String referenceId, ObjectNode fields, List<Child> children) {
    }

    private record Child(ChildRelationship relationship, TreeNode node) {
    }
}
