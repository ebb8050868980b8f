package dev.forcelink.auth;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads from the plain maps that back {@link UserInfo} and {@link TokenIntrospection}. */
final class MapValues {
  private MapValues() {}

  /** The first key among {@code keys} holding a non-empty scalar, as text. */
  static Optional<String> text(Map<String, Object> map, String... keys) {
    for (String key : keys) {
      Object value = map.get(key);
      if (value != null && !(value instanceof Map) && !(value instanceof List)) {
        String text = value.toString();
        if (!text.isEmpty()) {
          return Optional.of(text);
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Boolean> bool(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value instanceof Boolean) {
      return Optional.of((Boolean) value);
    }
    if (value instanceof String && ("true".equalsIgnoreCase((String) value) || "false".equalsIgnoreCase((String) value))) {
      return Optional.of(Boolean.parseBoolean((String) value));
    }
    return Optional.empty();
  }

  /** An epoch-seconds number (or numeric text) as an instant. */
  static Optional<Instant> epochSeconds(Map<String, Object> map, String key) {
    Object value = map.get(key);
    try {
      if (value instanceof Number) {
        return Optional.of(Instant.ofEpochSecond(((Number) value).longValue()));
      }
      if (value instanceof String) {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong((String) value)));
      }
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A JSON object of scalar values as an unmodifiable map of text. */
  static Map<String, String> textMap(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof Map)) {
      return Map.of();
    }
    Map<String, String> result = new LinkedHashMap<>();
    ((Map<?, ?>) value).forEach((k, v) -> {
      if (k != null && v != null && !(v instanceof Map) && !(v instanceof List)) {
        result.put(k.toString(), v.toString());
      }
    });
    return Collections.unmodifiableMap(result);
  }

  /** A deep, unmodifiable copy (null values allowed). */
  static Map<String, Object> freeze(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, freezeValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object freezeValue(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> copy.put(String.valueOf(k), freezeValue(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      List<Object> copy = new java.util.ArrayList<>();
      ((List<?>) value).forEach(v -> copy.add(freezeValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
