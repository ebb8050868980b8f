package dev.forcelink.core;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Salesforce API version such as {@code 65.0}. Parses {@code "65.0"}, {@code "v65.0"} and
 * {@code "65"}; prints as {@code 65.0}; {@link #pathSegment()} gives {@code v65.0}.
 *
 * @param major the major version, such as 65
 * @param minor the minor version, almost always 0
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
  private static final Pattern FORMAT = Pattern.compile("[vV]?(\\d{1,3})(?:\\.(\\d{1,2}))?");

  /** The version Forcelink uses unless told otherwise: {@value #DEFAULT_TEXT}. */
  public static final ApiVersion DEFAULT = new ApiVersion(65, 0);

  /** The highest version this release of Forcelink knows. */
  public static final ApiVersion LATEST_SUPPORTED = DEFAULT;

  /** The lowest version this release of Forcelink supports. */
  public static final ApiVersion OLDEST_SUPPORTED = new ApiVersion(31, 0);

  private static final String DEFAULT_TEXT = "65.0";

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if either part is negative or the major version is 0
   */
  public ApiVersion {
    if (major <= 0 || minor < 0) {
      throw new IllegalArgumentException("API version must be positive, got " + major + "." + minor);
    }
  }

  /**
   * Parses a version.
   *
   * @param text {@code "65.0"}, {@code "v65.0"} or {@code "65"}
   * @return the version
   * @throws IllegalArgumentException if {@code text} is not a version, with the expected form
   * @throws NullPointerException if {@code text} is null
   */
  public static ApiVersion parse(String text) {
    Objects.requireNonNull(text, "API version");
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Not a Salesforce API version: '" + text + "'. Expected a form such as 65.0 or v65.0");
    }
    int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return new ApiVersion(Integer.parseInt(m.group(1)), minor);
  }

  /**
   * Returns the path segment used in URLs, such as {@code v65.0}.
   *
   * @return the path segment
   */
  public String pathSegment() {
    return "v" + this;
  }

  /**
   * Returns the data API root for this version, such as {@code /services/data/v65.0}.
   *
   * @return the path, without a trailing slash
   */
  public String dataPath() {
    return "/services/data/" + pathSegment();
  }

  /**
   * Tells whether this version is at least {@code other}.
   *
   * @param other the version to compare with
   * @return true if {@code this >= other}
   */
  public boolean isAtLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(ApiVersion o) {
    int c = Integer.compare(major, o.major);
    return c != 0 ? c : Integer.compare(minor, o.minor);
  }

  /** Returns the version as {@code 65.0}. */
  @Override
  public String toString() {
    return major + "." + minor;
  }
}
