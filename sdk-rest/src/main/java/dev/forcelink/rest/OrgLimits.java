package dev.forcelink.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The org's limits ({@code GET /limits}), by name such as {@code DailyApiRequests}.
 *
 * <p>Immutable and thread-safe.
 */
public final class OrgLimits {
  private final Map<String, Limit> limits;

  private OrgLimits(Map<String, Limit> limits) {
    this.limits = limits;
  }

  /**
   * Reads limits from the {@code /limits} JSON object as a map. Entries without {@code Max} and
   * {@code Remaining} numbers are skipped; nested objects of that shape become per-app entries.
   *
   * @param raw the JSON object as a map
   * @return the limits
   */
  public static OrgLimits of(Map<String, ?> raw) {
    return new OrgLimits(Collections.unmodifiableMap(parse(raw)));
  }

  private static Map<String, Limit> parse(Map<String, ?> raw) {
    Map<String, Limit> out = new LinkedHashMap<>();
    raw.forEach((name, v) -> {
      if (v instanceof Map) {
        Map<?, ?> m = (Map<?, ?>) v;
        if (m.get("Max") instanceof Number && m.get("Remaining") instanceof Number) {
          Map<String, Object> nested = new LinkedHashMap<>();
          m.forEach((k, x) -> {
            if (x instanceof Map) {
              nested.put(String.valueOf(k), x);
            }
          });
          out.put(name, new Limit(((Number) m.get("Max")).longValue(), ((Number) m.get("Remaining")).longValue(),
              parse(nested)));
        }
      }
    });
    return out;
  }

  /** @return every limit by name, in the server's order; unmodifiable */
  public Map<String, Limit> all() {
    return limits;
  }

  /**
   * Returns one limit.
   *
   * @param name such as {@code DailyApiRequests}
   * @return the limit, if the org reported it
   */
  public Optional<Limit> get(String name) {
    return Optional.ofNullable(limits.get(name));
  }

  @Override
  public String toString() {
    return "OrgLimits" + limits;
  }
}
