package dev.forcelink.auth;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer of the token introspection endpoint: whether a token is active and, if so, its scopes,
 * client, user and validity times. {@link #raw()} holds every field the server sent.
 *
 * <p>Immutable and thread-safe.
 */
public final class TokenIntrospection {
  private final Map<String, Object> raw;

  private TokenIntrospection(Map<String, Object> raw) {
    this.raw = raw;
  }

  /**
   * Wraps a decoded response (or a map built by a test).
   *
   * @param raw the fields; copied
   * @return the value
   * @throws NullPointerException if {@code raw} is null
   */
  public static TokenIntrospection of(Map<String, ?> raw) {
    return new TokenIntrospection(MapValues.freeze(Objects.requireNonNull(raw, "raw")));
  }

  /**
   * Tells whether the token is active; false when the server said so or did not say.
   *
   * @return true for an active token
   */
  public boolean active() {
    return MapValues.bool(raw, "active").orElse(false);
  }

  /**
   * Returns the token's scopes ({@code scope}, space-separated on the wire).
   *
   * @return an unmodifiable set, empty when not sent
   */
  public Set<String> scopes() {
    return MapValues.text(raw, "scope")
        .map(s -> Collections.unmodifiableSet(new LinkedHashSet<>(
            Arrays.asList(s.trim().split("\\s+")))))
        .orElse(Set.of());
  }

  /**
   * Returns the consumer key the token was issued to ({@code client_id}).
   *
   * @return the client id, if sent
   */
  public Optional<String> clientId() {
    return MapValues.text(raw, "client_id");
  }

  /**
   * Returns the username ({@code username}).
   *
   * @return the username, if sent
   */
  public Optional<String> username() {
    return MapValues.text(raw, "username");
  }

  /**
   * Returns the subject ({@code sub}), the user's identity URL.
   *
   * @return the subject, if sent
   */
  public Optional<String> sub() {
    return MapValues.text(raw, "sub");
  }

  /**
   * Returns the token type ({@code token_type}), such as {@code access_token}.
   *
   * @return the token type, if sent
   */
  public Optional<String> tokenType() {
    return MapValues.text(raw, "token_type");
  }

  /**
   * Returns when the token expires ({@code exp}, epoch seconds).
   *
   * @return the expiry, if sent
   */
  public Optional<Instant> expiresAt() {
    return MapValues.epochSeconds(raw, "exp");
  }

  /**
   * Returns when the token was issued ({@code iat}, epoch seconds).
   *
   * @return the issue time, if sent
   */
  public Optional<Instant> issuedAt() {
    return MapValues.epochSeconds(raw, "iat");
  }

  /**
   * Returns when the token becomes valid ({@code nbf}, epoch seconds).
   *
   * @return the start of validity, if sent
   */
  public Optional<Instant> notBefore() {
    return MapValues.epochSeconds(raw, "nbf");
  }

  /**
   * Returns every field of the response.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> raw() {
    return raw;
  }

  /**
   * Compares the fields.
   *
   * @param other another object
   * @return true for an introspection with equal fields
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof TokenIntrospection && raw.equals(((TokenIntrospection) other).raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  /** Shows activity, client, user and expiry. */
  @Override
  public String toString() {
    return "TokenIntrospection{active=" + active() + ", clientId=" + clientId().orElse(null) + ", username="
        + username().orElse(null) + ", expiresAt=" + expiresAt().orElse(null) + "}";
  }
}
