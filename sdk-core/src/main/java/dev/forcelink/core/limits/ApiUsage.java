package dev.forcelink.core.limits;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One snapshot of the org's API usage, as reported by the {@code Sforce-Limit-Info} response header
 * ({@code api-usage=18/5000; per-app-api-usage=17/250(appName=x); api-bursts=1/750}).
 *
 * @param used daily API requests used in the rolling 24-hour window
 * @param max the org's daily allocation
 * @param perAppUsed requests used by this connected app, or -1 when not reported
 * @param perAppMax this connected app's allocation, or -1 when not reported
 * @param appName the connected app named in {@code per-app-api-usage}, or null
 * @param burstsUsed burst requests used, or -1 when not reported
 * @param burstsMax burst allocation, or -1 when not reported
 * @param observedAt when the response carrying the header was received
 */
public record ApiUsage(
    long used,
    long max,
    long perAppUsed,
    long perAppMax,
    String appName,
    long burstsUsed,
    long burstsMax,
    Instant observedAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code observedAt} is null
   */
  public ApiUsage {
    Objects.requireNonNull(observedAt, "observedAt");
  }

  /**
   * Parses a {@code Sforce-Limit-Info} header value such as
   * {@code api-usage=18/5000; per-app-api-usage=17/250(appName=x); api-bursts=1/750}. Parts may be
   * separated by {@code ;} or {@code ,} with optional spaces, in any order; unknown parts are
   * ignored.
   *
   * @param header the header value; null is treated as absent
   * @param observedAt when the response carrying the header was received
   * @return the usage, or empty when the header is absent, lacks {@code api-usage} or is malformed;
   *     never throws for any header text
   * @throws NullPointerException if {@code observedAt} is null
   */
  public static Optional<ApiUsage> parse(String header, Instant observedAt) {
    Objects.requireNonNull(observedAt, "observedAt");
    return LimitInfoParser.parse(header, observedAt);
  }

  /**
   * Returns the used share of the daily allocation, from 0.0 upwards (above 1.0 when over).
   *
   * @return {@code used / max}, or 0 when {@code max} is 0
   */
  public double dailyShareUsed() {
    return max <= 0 ? 0.0 : (double) used / (double) max;
  }

  /**
   * Returns the requests remaining in the daily allocation.
   *
   * @return {@code max - used}, never negative
   */
  public long remaining() {
    return Math.max(0, max - used);
  }

  /**
   * Returns this app's remaining allocation when the header reported it.
   *
   * @return the per-app remainder, if reported
   */
  public OptionalLong perAppRemaining() {
    return perAppMax < 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(0, perAppMax - perAppUsed));
  }

  /**
   * Returns the connected app's name when the header reported per-app usage.
   *
   * @return the app name, if reported
   */
  public Optional<String> app() {
    return Optional.ofNullable(appName);
  }
}
