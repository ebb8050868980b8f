package dev.forcelink.testkit.internal.rest.describe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.ChildRelationship;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.ObjectKind;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.SObjectDef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Builds describe results from the org's schema: the global object list, an object's basic info and its full
 * describe with fields and child relationships, with the key members of Salesforce's describe responses.
 * Stateless and thread-safe.
 */
final class DescribeJson {

    private static final Set<String> MERGEABLE = Set.of("Account", "Contact", "Lead", "Case");

    private DescribeJson() {
    }

    static ObjectNode global(OrgSchema schema, String version) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("encoding", "UTF-8");
        root.put("maxBatchSize", 200);
        ArrayNode sobjects = root.putArray("sobjects");
        for (SObjectDef def : schema.objects()) {
            sobjects.add(summary(def, version));
        }
        return root;
    }

    static ObjectNode basicInfo(SObjectDef def, String version) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("objectDescribe", summary(def, version));
        root.putArray("recentItems");
        return root;
    }

    static ObjectNode describe(OrgSchema schema, SObjectDef def, String version, String instanceUrl) {
        ObjectNode root = Json.mapper().createObjectNode();
        flags(root, def);
        ArrayNode relationships = root.putArray("childRelationships");
        for (ChildRelationship child : schema.childRelationships(def.name())) {
            ObjectNode node = relationships.addObject();
            node.put("cascadeDelete", child.cascadeDelete());
            node.put("childSObject", child.childSObject());
            node.put("deprecatedAndHidden", false);
            node.put("field", child.field());
            node.putArray("junctionIdListNames");
            node.putArray("junctionReferenceTo");
            node.put("relationshipName", child.relationshipName());
            node.put("restrictedDelete", false);
        }
        ArrayNode fields = root.putArray("fields");
        for (FieldDef field : def.fields()) {
            fields.add(field(field));
        }
        root.putArray("namedLayoutInfos");
        ArrayNode recordTypes = root.putArray("recordTypeInfos");
        if (def.storable()) {
            ObjectNode master = recordTypes.addObject();
            master.put("active", true);
            master.put("available", true);
            master.put("defaultRecordTypeMapping", true);
            master.put("developerName", "Master");
            master.put("master", true);
            master.put("name", "Master");
            master.put("recordTypeId", "012000000000000AAA");
            master.putObject("urls").put("layout", "/services/data/v" + version + "/sobjects/" + def.name()
                    + "/describe/layouts/012000000000000AAA");
        }
        root.putArray("supportedScopes").addObject().put("label", "All " + def.labelPlural()).put("name", "everything");
        root.put("urlDetail", def.storable() ? instanceUrl + "/{ID}" : null);
        root.put("urlEdit", def.storable() ? instanceUrl + "/{ID}/e" : null);
        root.put("urlNew", def.storable() ? instanceUrl + "/" + def.keyPrefix() + "/e" : null);
        ObjectNode urls = urls(def, version);
        if (def.storable()) {
            urls.put("uiDetailTemplate", instanceUrl + "/{ID}");
            urls.put("uiEditTemplate", instanceUrl + "/{ID}/e");
            urls.put("uiNewRecord", instanceUrl + "/" + def.keyPrefix() + "/e");
        }
        root.set("urls", urls);
        return root;
    }

    private static ObjectNode summary(SObjectDef def, String version) {
        ObjectNode node = Json.mapper().createObjectNode();
        flags(node, def);
        node.set("urls", urls(def, version));
        return node;
    }

    private static void flags(ObjectNode node, SObjectDef def) {
        boolean stored = def.storable();
        boolean event = def.kind() == ObjectKind.PLATFORM_EVENT;
        node.put("activateable", false);
        node.put("createable", true);
        node.put("custom", def.custom());
        node.put("customSetting", false);
        node.put("deepCloneable", false);
        node.put("deletable", stored);
        node.put("deprecatedAndHidden", false);
        node.put("feedEnabled", stored && !def.custom());
        node.put("hasSubtypes", false);
        node.put("idEnabled", true);
        node.put("isInterface", false);
        node.put("isSubtype", false);
        node.put("keyPrefix", def.keyPrefix());
        node.put("label", def.label());
        node.put("labelPlural", def.labelPlural());
        node.put("layoutable", stored);
        node.put("mergeable", MERGEABLE.contains(def.name()));
        node.put("mruEnabled", stored);
        node.put("name", def.name());
        node.put("queryable", stored);
        node.put("replicateable", stored);
        node.put("retrieveable", stored);
        node.put("searchable", stored);
        node.put("triggerable", true);
        node.put("undeletable", stored);
        node.put("updateable", stored && !event);
    }

    private static ObjectNode urls(SObjectDef def, String version) {
        String base = "/services/data/v" + version + "/sobjects/" + def.name();
        ObjectNode urls = Json.mapper().createObjectNode();
        urls.put("sobject", base);
        urls.put("describe", base + "/describe");
        urls.put("rowTemplate", base + "/{ID}");
        return urls;
    }

    private static ObjectNode field(FieldDef field) {
        FieldType type = field.type();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("autoNumber", field.autoNumber());
        node.put("byteLength", field.byteLength());
        node.put("calculated", field.calculated());
        node.putNull("calculatedFormula");
        node.put("cascadeDelete", field.cascadeDelete());
        node.put("caseSensitive", field.caseSensitive());
        node.putNull("compoundFieldName");
        node.putNull("controllerName");
        node.put("createable", field.createable());
        node.put("custom", field.custom());
        putDefault(node, field.defaultValue());
        node.put("defaultedOnCreate", field.defaultedOnCreate());
        node.put("dependentPicklist", false);
        node.put("deprecatedAndHidden", false);
        node.put("digits", field.digits());
        node.put("encrypted", type == FieldType.ENCRYPTEDSTRING);
        node.put("externalId", field.externalId());
        node.put("filterable", field.filterable());
        node.put("groupable", field.filterable() && type != FieldType.DOUBLE && type != FieldType.CURRENCY
                && type != FieldType.PERCENT && type != FieldType.DATETIME && type != FieldType.MULTIPICKLIST);
        node.put("htmlFormatted", false);
        node.put("idLookup", field.idLookup());
        node.putNull("inlineHelpText");
        node.put("label", field.label());
        node.put("length", type.isText() || type == FieldType.ID || type == FieldType.REFERENCE ? field.length() : 0);
        node.put("name", field.name());
        node.put("nameField", field.nameField());
        node.put("nillable", field.nillable() && type != FieldType.BOOLEAN);
        ArrayNode picklist = node.putArray("picklistValues");
        for (String value : field.picklistValues()) {
            ObjectNode entry = picklist.addObject();
            entry.put("active", true);
            entry.put("defaultValue", value.equals(field.defaultValue()));
            entry.put("label", value);
            entry.putNull("validFor");
            entry.put("value", value);
        }
        node.put("polymorphicForeignKey", field.referenceTo().size() > 1);
        node.put("precision", type == FieldType.DOUBLE || type == FieldType.CURRENCY || type == FieldType.PERCENT
                ? field.precision() : 0);
        ArrayNode referenceTo = node.putArray("referenceTo");
        field.referenceTo().forEach(referenceTo::add);
        node.put("relationshipName", field.relationshipName());
        node.putNull("relationshipOrder");
        node.put("restrictedDelete", false);
        node.put("restrictedPicklist", field.restrictedPicklist());
        node.put("scale", type == FieldType.DOUBLE || type == FieldType.CURRENCY || type == FieldType.PERCENT
                ? field.scale() : 0);
        node.put("soapType", type.soapType());
        node.put("sortable", field.filterable() && type != FieldType.MULTIPICKLIST);
        node.put("type", type.wireName());
        node.put("unique", field.unique());
        node.put("updateable", field.updateable());
        return node;
    }

    private static void putDefault(ObjectNode node, Object value) {
        if (value == null) {
            node.putNull("defaultValue");
        } else if (value instanceof Boolean flag) {
            node.put("defaultValue", flag);
        } else if (value instanceof BigDecimal number) {
            node.put("defaultValue", number);
        } else if (value instanceof Integer number) {
            node.put("defaultValue", number);
        } else if (value instanceof Instant || value instanceof LocalDate) {
            node.put("defaultValue", value.toString());
        } else {
            node.put("defaultValue", String.valueOf(value));
        }
    }
}
