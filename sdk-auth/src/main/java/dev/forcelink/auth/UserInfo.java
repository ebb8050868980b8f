package dev.forcelink.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a token belongs to, from the OpenID Connect {@code /services/oauth2/userinfo} endpoint or
 * the identity URL returned with a token. Typed accessors cover the common fields; {@link #raw()}
 * holds everything the server sent.
 *
 * <p>Immutable and thread-safe.
 */
public final class UserInfo {
  private final Map<String, Object> raw;

  private UserInfo(Map<String, Object> raw) {
    this.raw = raw;
  }

  /**
   * Wraps a decoded response (or a map built by a test).
   *
   * @param raw the fields, with JSON objects as maps and arrays as lists; copied
   * @return the value
   * @throws NullPointerException if {@code raw} is null
   */
  public static UserInfo of(Map<String, ?> raw) {
    return new UserInfo(MapValues.freeze(Objects.requireNonNull(raw, "raw")));
  }

  /**
   * Returns the subject: {@code sub} (userinfo) or {@code id} (identity URL), an identity URL such
   * as {@code https://login.salesforce.com/id/00D…/005…}.
   *
   * @return the subject, if sent
   */
  public Optional<String> sub() {
    return MapValues.text(raw, "sub", "id");
  }

  /**
   * Returns the user id ({@code user_id}).
   *
   * @return the 18-character user id, if sent
   */
  public Optional<String> userId() {
    return MapValues.text(raw, "user_id");
  }

  /**
   * Returns the org id ({@code organization_id}).
   *
   * @return the org id, if sent
   */
  public Optional<String> organizationId() {
    return MapValues.text(raw, "organization_id");
  }

  /**
   * Returns the username: {@code preferred_username}, or {@code username} in identity responses.
   *
   * @return the username, if sent
   */
  public Optional<String> preferredUsername() {
    // The identity URL's field names are unverified; the fallbacks are read only when the userinfo
    // names are absent.
    return MapValues.text(raw, "preferred_username", "username");
  }

  /**
   * Returns the full name: {@code name}, or {@code display_name} in identity responses.
   *
   * @return the name, if sent
   */
  public Optional<String> name() {
    return MapValues.text(raw, "name", "display_name");
  }

  /**
   * Returns the email address ({@code email}).
   *
   * @return the email, if sent
   */
  public Optional<String> email() {
    return MapValues.text(raw, "email");
  }

  /**
   * Returns the time zone: {@code zoneinfo}, or {@code timezone} in identity responses.
   *
   * @return the time zone id, if sent
   */
  public Optional<String> zoneinfo() {
    return MapValues.text(raw, "zoneinfo", "timezone");
  }

  /**
   * Returns the locale ({@code locale}).
   *
   * @return the locale, such as {@code en_US}, if sent
   */
  public Optional<String> locale() {
    return MapValues.text(raw, "locale");
  }

  /**
   * Returns the language ({@code language}).
   *
   * @return the language, if sent
   */
  public Optional<String> language() {
    return MapValues.text(raw, "language");
  }

  /**
   * Returns the user type ({@code user_type}), such as {@code STANDARD}.
   *
   * @return the user type, if sent
   */
  public Optional<String> userType() {
    return MapValues.text(raw, "user_type");
  }

  /**
   * Returns whether the user is active ({@code active}).
   *
   * @return the flag, if sent
   */
  public Optional<Boolean> active() {
    return MapValues.bool(raw, "active");
  }

  /**
   * Returns the API URL templates ({@code urls}: {@code rest}, {@code sobjects}, {@code query},
   * {@code custom_domain} and others), with their {@code {version}} placeholders as sent.
   *
   * @return an unmodifiable map, empty when not sent
   */
  public Map<String, String> urls() {
    return MapValues.textMap(raw, "urls");
  }

  /**
   * Returns every field of the response.
   *
   * @return an unmodifiable map; nested objects are maps and arrays are lists
   */
  public Map<String, Object> raw() {
    return raw;
  }

  /**
   * Compares the fields.
   *
   * @param other another object
   * @return true for a user info with equal fields
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof UserInfo && raw.equals(((UserInfo) other).raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  /** Shows the user, org and username. */
  @Override
  public String toString() {
    return "UserInfo{userId=" + userId().orElse(null) + ", organizationId=" + organizationId().orElse(null)
        + ", preferredUsername=" + preferredUsername().orElse(null) + "}";
  }
}
