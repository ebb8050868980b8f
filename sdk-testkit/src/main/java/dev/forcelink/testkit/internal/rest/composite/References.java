package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code @{referenceId.path}} against the bodies of earlier subresponses: {@code @{NewAccount.id}},
 * {@code @{Query.records[0].Id}}, {@code @{Rec.BillingAddress.city}}. Names are case-sensitive, as in
 * Salesforce (a create returns {@code id}, a retrieved record {@code Id}).
 *
 * <p>References are replaced by the value's text, as Salesforce substitutes inside JSON strings; a string that
 * is exactly one reference to a null (v52.0+) becomes JSON null. Not thread-safe: one instance serves one request.
 */
final class References {

    /** What a reference looks like: {@code @{…}} without nested braces. */
    static final Pattern REFERENCE = Pattern.compile("@\\{([^{}]*)}");
    private static final Pattern LEGAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");

    private final Map<String, SubResponse> done = new HashMap<>();
    private final boolean nullValuesResolve;

    /**
     * @param nullValuesResolve whether a reference to a null field resolves (API v52.0+) instead of failing
     *     (v51.0 and earlier)
     */
    References(boolean nullValuesResolve) {
        this.nullValuesResolve = nullValuesResolve;
    }

    /**
     * @param referenceId a subrequest's reference id
     * @return whether it starts with a letter or digit and holds only letters, digits and {@code _}
     */
    static boolean legal(String referenceId) {
        return referenceId != null && LEGAL_ID.matcher(referenceId).matches();
    }

    /**
     * Records a finished subrequest so later ones can refer to it.
     *
     * @param referenceId its reference id
     * @param response its response
     */
    void add(String referenceId, SubResponse response) {
        done.put(referenceId, response);
    }

    /**
     * @param text a URL or any text
     * @return the names of the subrequests it refers to
     */
    static Set<String> referencedIds(String text) {
        Set<String> names = new TreeSet<>();
        if (text == null || !text.contains("@{")) {
            return names;
        }
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            names.add(head(m.group(1)));
        }
        return names;
    }

    /**
     * @param body a JSON body, may be {@code null}
     * @return the names of the subrequests its strings refer to
     */
    static Set<String> referencedIds(JsonNode body) {
        Set<String> names = new TreeSet<>();
        collect(body, names);
        return names;
    }

    /**
     * Resolves the references of a text.
     *
     * @param text the text
     * @return the text with every reference replaced
     * @throws Unresolved when a reference has no value
     */
    String resolveText(String text) {
        if (text == null || !text.contains("@{")) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = lookup(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(text(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Resolves the references in a JSON body's strings.
     *
     * @param body the body, may be {@code null}
     * @return a resolved copy (or the body itself when it has none)
     * @throws Unresolved when a reference has no value
     */
    JsonNode resolveBody(JsonNode body) {
        if (body == null || !body.toString().contains("@{")) {
            return body;
        }
        return resolveNode(body.deepCopy());
    }

    private JsonNode resolveNode(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            Matcher whole = REFERENCE.matcher(text);
            if (whole.matches()) {
                // Salesforce substitutes text inside the JSON string; a null stays null (v52.0+) and a parent
                // record or list stays structured.
                JsonNode value = lookup(whole.group(1));
                return value.isValueNode() && !value.isNull() ? TextNode.valueOf(value.asText()) : value;
            }
            return text.contains("@{") ? TextNode.valueOf(resolveText(text)) : node;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, resolveNode(object.get(name)));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolveNode(array.get(i)));
            }
        }
        return node;
    }

    private JsonNode lookup(String expression) {
        String head = head(expression);
        SubResponse source = done.get(head);
        if (source == null || source.failed() || source.body() == null) {
            throw new Unresolved(expression, head, false);
        }
        JsonNode current = source.body();
        String rest = expression.substring(head.length());
        int i = 0;
        while (i < rest.length() && current != null) {
            char c = rest.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    end++;
                }
                current = current.isObject() ? current.get(rest.substring(i + 1, end)) : null;
                i = end;
            } else if (c == '[') {
                int close = rest.indexOf(']', i);
                if (close < 0) {
                    current = null;
                    break;
                }
                current = indexed(current, rest.substring(i + 1, close));
                i = close + 1;
            } else {
                current = null;
            }
        }
        if (current == null || current.isMissingNode() || rest.isEmpty()) {
            throw new Unresolved(expression, head, false);
        }
        if (current.isNull() && !nullValuesResolve) {
            throw new Unresolved(expression, head, true);
        }
        return current;
    }

    private static JsonNode indexed(JsonNode node, String index) {
        try {
            return node.isArray() ? node.get(Integer.parseInt(index.trim())) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static String head(String expression) {
        int end = 0;
        while (end < expression.length() && expression.charAt(end) != '.' && expression.charAt(end) != '[') {
            end++;
        }
        return expression.substring(0, end);
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            names.addAll(referencedIds(node.asText()));
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, names));
        }
    }

    /** A reference without a value: the subrequest fails with {@code PROCESSING_HALTED}. */
    static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolved(String expression, String head, boolean nullValue) {
            super("Invalid reference specified. No value for " + expression + " found in " + head + "."
                    + (nullValue ? " Provided referenceId ('" + expression + "') must start with a letter or a "
                    + "number, and it can contain only letters, numbers and underscores ('_')." : ""),
                    null, false, false);
        }

        SubResponse toResponse() {
            return SubResponse.error(400, "PROCESSING_HALTED", getMessage());
        }
    }
}
