package dev.forcelink.auth.internal;

import dev.forcelink.core.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@code application/x-www-form-urlencoded} body. Secret fields stay wrapped until
 * {@link #encode()}, which is called only to hand the bytes to the HTTP client. Not thread-safe
 * while being filled; {@link #toString()} names the fields, never their values.
 */
public final class FormBody {
  private final List<String> names = new ArrayList<>();
  private final List<Secret> values = new ArrayList<>();

  /**
   * Adds a plain field.
   *
   * @param name the field name
   * @param value the value
   * @return this body
   */
  public FormBody add(String name, String value) {
    return addSecret(name, Secret.of(Objects.requireNonNull(value, name)));
  }

  /**
   * Adds a secret field (password, client secret, assertion, code, token).
   *
   * @param name the field name
   * @param value the secret value
   * @return this body
   */
  public FormBody addSecret(String name, Secret value) {
    names.add(Objects.requireNonNull(name, "name"));
    values.add(Objects.requireNonNull(value, name));
    return this;
  }

  /**
   * Encodes the body. The result holds secrets in clear: hand it to the HTTP client only.
   *
   * @return the encoded body
   */
  public String encode() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sb.append('&');
      }
      sb.append(formEncode(names.get(i))).append('=').append(formEncode(values.get(i).reveal()));
    }
    return sb.toString();
  }

  /**
   * Percent-encodes a query or form component, with {@code %20} for a space so that the same
   * encoding serves URLs and form bodies.
   *
   * @param value the raw value
   * @return the encoded value
   */
  public static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Names the fields, never their values. */
  @Override
  public String toString() {
    return "FormBody" + names;
  }
}
