package dev.forcelink.testkit.internal.rest.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Json;

/**
 * The outcome of one successful create, update or upsert: the record id and whether a record was created.
 * Immutable and thread-safe.
 *
 * @param id the 18-character record id
 * @param created whether the write inserted a new record
 */
public record SaveResult(String id, boolean created) {

    /**
     * Renders Salesforce's save result {@code {"id","success":true,"errors":[]}}, with {@code created} for an upsert
     * answered under API v46.0 or later (earlier versions have no such member).
     *
     * @param apiVersion the request's API version, e.g. {@code 60.0}
     * @param upsert whether the write was an upsert
     * @return a new JSON object
     */
    public ObjectNode toJson(String apiVersion, boolean upsert) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", id);
        node.put("success", true);
        node.putArray("errors");
        if (upsert && ApiVersionNumbers.atLeast(apiVersion, 46)) {
            node.put("created", created);
        }
        return node;
    }
}
