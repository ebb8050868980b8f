package dev.forcelink.rest;

import java.util.Map;

/**
 * One org limit from {@code /limits}: its maximum, what remains, and per-app entries some limits
 * nest (such as per connected app), keyed by app name.
 *
 * @param max the maximum
 * @param remaining what remains
 * @param byApp nested entries of the same shape; empty when none
 */
public record Limit(long max, long remaining, Map<String, Limit> byApp) {

  /** Copies the nested entries. */
  public Limit {
    byApp = byApp == null ? Map.of() : Map.copyOf(byApp);
  }

  /**
   * Returns how much is used.
   *
   * @return {@code max - remaining}
   */
  public long used() {
    return max - remaining;
  }
}
