package dev.forcelink.rest.describe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Typed reads from a describe JSON map, tolerant of missing and null members. */
final class Raw {
  private Raw() {}

  static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : String.valueOf(v);
  }

  static boolean bool(Map<String, Object> m, String key) {
    return Boolean.TRUE.equals(m.get(key));
  }

  static int integer(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Number ? ((Number) v).intValue() : 0;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object v) {
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  static List<String> strings(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof List)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (o != null) {
        out.add(String.valueOf(o));
      }
    }
    return List.copyOf(out);
  }

  static <T> List<T> list(Map<String, Object> m, String key, Function<Map<String, Object>, T> f) {
    Object v = m.get(key);
    if (!(v instanceof List)) {
      return List.of();
    }
    List<T> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (o instanceof Map) {
        out.add(f.apply(map(o)));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Deep unmodifiable copy, so describe values stay immutable. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> freeze(Map<String, Object> m) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, freezeValue(v)));
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Object freezeValue(Object v) {
    if (v instanceof Map) {
      return freeze((Map<String, Object>) v);
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(freezeValue(o));
      }
      return Collections.unmodifiableList(out);
    }
    return v;
  }
}
