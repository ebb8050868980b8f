package dev.forcelink.core.limits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code Sforce-Limit-Info}; total over any input (malformed text gives empty). */
final class LimitInfoParser {
  private static final int MAX_HEADER_LENGTH = 4096;
  private static final Pattern PAIR = Pattern.compile("(\\d{1,18})\\s*/\\s*(\\d{1,18})");
  private static final Pattern PER_APP =
      Pattern.compile("(\\d{1,18})\\s*/\\s*(\\d{1,18})\\s*(?:\\(\\s*appName\\s*=\\s*([^)]*)\\))?");

  private LimitInfoParser() {}

  static Optional<ApiUsage> parse(String header, Instant at) {
    if (header == null || header.isBlank() || header.length() > MAX_HEADER_LENGTH) {
      return Optional.empty();
    }
    long used = -1;
    long max = -1;
    long appUsed = -1;
    long appMax = -1;
    String appName = null;
    long burstsUsed = -1;
    long burstsMax = -1;
    for (String part : split(header)) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      if (eq <= 0) {
        return Optional.empty();
      }
      String key = trimmed.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
      String value = trimmed.substring(eq + 1).trim();
      switch (key) {
        case "api-usage": {
          Matcher m = PAIR.matcher(value);
          if (!m.matches()) {
            return Optional.empty();
          }
          used = Long.parseLong(m.group(1));
          max = Long.parseLong(m.group(2));
          break;
        }
        case "per-app-api-usage": {
          Matcher m = PER_APP.matcher(value);
          if (!m.matches()) {
            return Optional.empty();
          }
          appUsed = Long.parseLong(m.group(1));
          appMax = Long.parseLong(m.group(2));
          appName = m.group(3) == null ? null : m.group(3).trim();
          break;
        }
        case "api-bursts": {
          Matcher m = PAIR.matcher(value);
          if (!m.matches()) {
            return Optional.empty();
          }
          burstsUsed = Long.parseLong(m.group(1));
          burstsMax = Long.parseLong(m.group(2));
          break;
        }
        default:
          // Salesforce may add parts; they do not invalidate the ones we know.
          break;
      }
    }
    if (used < 0) {
      return Optional.empty();
    }
    return Optional.of(new ApiUsage(used, max, appUsed, appMax, appName, burstsUsed, burstsMax, at));
  }

  /** Splits on ';' and ',' outside parentheses, so that an app name may hold either. */
  private static List<String> split(String header) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if ((c == ';' || c == ',') && depth == 0) {
        parts.add(header.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(header.substring(start));
    return parts;
  }
}
