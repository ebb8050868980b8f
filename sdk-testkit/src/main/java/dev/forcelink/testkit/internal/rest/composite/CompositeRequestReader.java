package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.rest.data.ApiVersionNumbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the subrequests of {@code /composite} (and the nodes of a graph) before anything runs: a
 * request that breaks a rule fails whole with {@code 400}, as Salesforce checks the request before executing it.
 *
 * <p>The error codes and texts of these whole-request refusals are unverified; each names the rule that was
 * broken. Stateless.
 */
final class CompositeRequestReader {

    static final int MAX_SUBREQUESTS = 25;
    static final int MAX_QUERY_OR_COLLECTIONS = 5;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("accept", "authorization", "content-type");
    private static final Pattern DATA_URL = Pattern.compile("/services/data/v\\d+\\.\\d+/.*");

    private CompositeRequestReader() {
    }

    /**
     * Reads {@code {"allOrNone","collateSubrequests","compositeRequest":[…]}}.
     *
     * @param body the request body
     * @param requestVersion the API version of the Composite call (v52.0+ refuses illegal reference ids whole)
     * @return the subrequests in order
     * @throws RequestRefused when a rule is broken
     */
    static List<Subrequest> readComposite(JsonNode body, String requestVersion) {
        if (body == null || !body.isObject()) {
            throw invalid("JSON_PARSER_ERROR", "The request body must be a JSON object with \"compositeRequest\"");
        }
        JsonNode list = body.get("compositeRequest");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw invalid("INVALID_INPUT", "compositeRequest must be a non-empty array of subrequests");
        }
        if (list.size() > MAX_SUBREQUESTS) {
            throw invalid("LIMIT_EXCEEDED", "A Composite request can have at most " + MAX_SUBREQUESTS
                    + " subrequests; this one has " + list.size());
        }
        List<Subrequest> subrequests = readSubrequests(list, requestVersion, "compositeRequest");
        int heavy = 0;
        for (Subrequest sub : subrequests) {
            SubrequestUrl url = SubrequestUrl.parse(stripReferences(sub.url()));
            if (url != null && SubrequestExecutor.isQueryOrCollections(url)) {
                heavy++;
            }
        }
        if (heavy > MAX_QUERY_OR_COLLECTIONS) {
            throw invalid("LIMIT_EXCEEDED", "A Composite request can have at most " + MAX_QUERY_OR_COLLECTIONS
                    + " query, queryAll or sObject Collections subrequests; this one has " + heavy);
        }
        return subrequests;
    }

    /**
     * Reads and checks a list of subrequests (Composite or one graph).
     *
     * @param list the JSON array
     * @param requestVersion the API version of the enclosing call
     * @param where the name of the list, for messages
     * @return the subrequests
     * @throws RequestRefused when a rule is broken
     */
    static List<Subrequest> readSubrequests(JsonNode list, String requestVersion, String where) {
        List<Subrequest> out = new ArrayList<>(list.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                throw invalid("JSON_PARSER_ERROR", where + "[" + i + "] must be a JSON object");
            }
            String method = text(node.get("method"));
            if (method == null || !METHODS.contains(method)) {
                throw invalid("INVALID_INPUT", where + "[" + i + "].method must be one of GET, POST, PUT, PATCH, "
                        + "DELETE (case-sensitive); got " + method);
            }
            String url = text(node.get("url"));
            if (url == null || !DATA_URL.matcher(url).matches()) {
                throw invalid("INVALID_INPUT", where + "[" + i + "].url must start with /services/data/vXX.X/; got "
                        + url);
            }
            String referenceId = text(node.get("referenceId"));
            if (referenceId == null || referenceId.isEmpty()) {
                throw invalid("INVALID_INPUT", where + "[" + i + "].referenceId is required");
            }
            if (!References.legal(referenceId) && ApiVersionNumbers.atLeast(requestVersion, 52)) {
                throw invalid("INVALID_INPUT", "Provided referenceId ('" + referenceId + "') must start with a "
                        + "letter or a number, and it can contain only letters, numbers and underscores ('_').");
            }
            if (!seen.add(referenceId)) {
                throw invalid("INVALID_INPUT", "Duplicate referenceId provided in the request: " + referenceId);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            JsonNode headerNode = node.get("httpHeaders");
            if (headerNode != null && !headerNode.isNull()) {
                if (!headerNode.isObject()) {
                    throw invalid("JSON_PARSER_ERROR", where + "[" + i + "].httpHeaders must be a JSON object");
                }
                for (Map.Entry<String, JsonNode> header : headerNode.properties()) {
                    if (FORBIDDEN_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                        throw invalid("INVALID_INPUT", "The " + header.getKey() + " header isn't allowed in "
                                + where + "[" + i + "].httpHeaders (Accept, Authorization and Content-Type come "
                                + "from the Composite request itself)");
                    }
                    headers.put(header.getKey(), header.getValue().asText());
                }
            }
            JsonNode body = node.get("body");
            out.add(new Subrequest(method, url, referenceId, body == null || body.isNull() ? null : body,
                    headers));
        }
        return out;
    }

    /** Replaces references with a placeholder so the URL's shape can be checked before they resolve. */
    static String stripReferences(String url) {
        return References.REFERENCE.matcher(url).replaceAll("ref");
    }

    static RequestRefused invalid(String errorCode, String message) {
        return new RequestRefused(400, errorCode, message);
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }
}
