package dev.forcelink.rest;

import java.util.Map;

/**
 * A record as the UI API returns it after a write: id, object API name and each field's value
 * (the {@code value} of the UI API's {@code {"displayValue","value"}} pair), plus the whole
 * response as a map.
 *
 * @param id the record id
 * @param apiName the object, such as {@code Account}
 * @param fields field name to value
 * @param raw the response body as a map
 */
public record UiRecord(String id, String apiName, Map<String, Object> fields, Map<String, Object> raw) {

  /** Copies the maps (null values allowed). */
  public UiRecord {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    raw = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
  }
}
