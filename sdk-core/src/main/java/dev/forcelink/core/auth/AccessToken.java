package dev.forcelink.core.auth;

import dev.forcelink.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An OAuth access token together with the instance it is valid for.
 *
 * <p>The token value is a {@link Secret}: {@link #toString()} shows the instance URL, the org and
 * user ids and the expiry, never the value. Instances are immutable and thread-safe.
 */
public final class AccessToken {
  private final Secret value;
  private final URI instanceUrl;
  private final URI identityUrl;
  private final String organizationId;
  private final String userId;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final Set<String> scopes;
  private final Secret refreshToken;

  private AccessToken(Builder b) {
    this.value = Objects.requireNonNull(b.value, "value");
    this.instanceUrl = Objects.requireNonNull(b.instanceUrl, "instanceUrl");
    this.identityUrl = b.identityUrl;
    this.issuedAt = b.issuedAt == null ? Instant.now() : b.issuedAt;
    this.expiresAt = b.expiresAt;
    this.scopes = Set.copyOf(b.scopes);
    this.refreshToken = b.refreshToken;
    String org = b.organizationId;
    String user = b.userId;
    if (identityUrl != null && (org == null || user == null)) {
      // Identity URLs end in /id/{orgId}/{userId}.
      String[] parts = identityUrl.getPath().split("/");
      int n = parts.length;
      if (n >= 3 && "id".equals(parts[n - 3])) {
        org = org == null ? parts[n - 2] : org;
        user = user == null ? parts[n - 1] : user;
      }
    }
    if (org == null) {
      // Salesforce access tokens start with the 15-character org id, then '!'.
      String raw = value.reveal();
      int bang = raw.indexOf('!');
      if (bang == 15 || bang == 18) {
        org = raw.substring(0, bang);
      }
    }
    this.organizationId = org;
    this.userId = user;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the token value; reveal it only to write the {@code Authorization} header.
   *
   * @return the secret token value
   */
  public Secret value() {
    return value;
  }

  /**
   * Returns the base URL of the org's instance, such as {@code https://acme.my.salesforce.com}.
   *
   * @return the instance URL
   */
  public URI instanceUrl() {
    return instanceUrl;
  }

  /**
   * Returns the identity URL ({@code …/id/{orgId}/{userId}}) if the token response carried one.
   *
   * @return the identity URL, if known
   */
  public Optional<URI> identityUrl() {
    return Optional.ofNullable(identityUrl);
  }

  /**
   * Returns the org id, taken from the identity URL or from the token's prefix.
   *
   * @return the org id, if known
   */
  public Optional<String> organizationId() {
    return Optional.ofNullable(organizationId);
  }

  /**
   * Returns the user id, taken from the identity URL.
   *
   * @return the user id, if known
   */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /**
   * Returns when the token was issued ({@code issued_at}, or the time it was received).
   *
   * @return the issue time
   */
  public Instant issuedAt() {
    return issuedAt;
  }

  /**
   * Returns when the token expires, if the provider knows it. Salesforce does not send an expiry
   * for most flows; such tokens are kept until the server rejects them.
   *
   * @return the expiry, if known
   */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * Returns the granted scopes.
   *
   * @return an unmodifiable set of scopes, possibly empty
   */
  public Set<String> scopes() {
    return scopes;
  }

  /**
   * Returns the refresh token issued with this access token, if any.
   *
   * @return the refresh token, if one was issued
   */
  public Optional<Secret> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /**
   * Tells whether the token expires within {@code margin} of {@code now}.
   *
   * @param now the current time
   * @param margin how long before the expiry a token counts as expiring
   * @return true if an expiry is known and falls before {@code now + margin}
   */
  public boolean expiresWithin(Instant now, Duration margin) {
    return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
  }

  /**
   * Returns a new builder holding this token's values.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.value = value;
    b.instanceUrl = instanceUrl;
    b.identityUrl = identityUrl;
    b.organizationId = organizationId;
    b.userId = userId;
    b.issuedAt = issuedAt;
    b.expiresAt = expiresAt;
    b.scopes = new LinkedHashSet<>(scopes);
    b.refreshToken = refreshToken;
    return b;
  }

  /** Returns a description without the token value. */
  @Override
  public String toString() {
    return "AccessToken{instanceUrl=" + instanceUrl
        + ", organizationId=" + organizationId
        + ", userId=" + userId
        + ", issuedAt=" + issuedAt
        + ", expiresAt=" + expiresAt
        + ", scopes=" + scopes
        + ", value=" + value
        + "}";
  }

  /** Builds an {@link AccessToken}. Not thread-safe. */
  public static final class Builder {
    private Secret value;
    private URI instanceUrl;
    private URI identityUrl;
    private String organizationId;
    private String userId;
    private Instant issuedAt;
    private Instant expiresAt;
    private Set<String> scopes = new LinkedHashSet<>();
    private Secret refreshToken;

    private Builder() {}

    /**
     * Sets the token value (required).
     *
     * @param value the token
     * @return this builder
     */
    public Builder value(Secret value) {
      this.value = value;
      return this;
    }

    /**
     * Sets the instance URL (required).
     *
     * @param instanceUrl the instance URL
     * @return this builder
     */
    public Builder instanceUrl(URI instanceUrl) {
      this.instanceUrl = instanceUrl;
      return this;
    }

    /**
     * Sets the identity URL.
     *
     * @param identityUrl the identity URL, or null
     * @return this builder
     */
    public Builder identityUrl(URI identityUrl) {
      this.identityUrl = identityUrl;
      return this;
    }

    /**
     * Sets the org id explicitly.
     *
     * @param organizationId the org id, or null to derive it
     * @return this builder
     */
    public Builder organizationId(String organizationId) {
      this.organizationId = organizationId;
      return this;
    }

    /**
     * Sets the user id explicitly.
     *
     * @param userId the user id, or null to derive it
     * @return this builder
     */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /**
     * Sets the issue time; defaults to now.
     *
     * @param issuedAt the issue time
     * @return this builder
     */
    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    /**
     * Sets the expiry, if known.
     *
     * @param expiresAt the expiry, or null when unknown
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    /**
     * Sets the granted scopes.
     *
     * @param scopes the scopes
     * @return this builder
     */
    public Builder scopes(Set<String> scopes) {
      this.scopes = new LinkedHashSet<>(scopes);
      return this;
    }

    /**
     * Sets the refresh token issued with the access token.
     *
     * @param refreshToken the refresh token, or null
     * @return this builder
     */
    public Builder refreshToken(Secret refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /**
     * Builds the token.
     *
     * @return the token
     * @throws NullPointerException if the value or the instance URL is missing
     */
    public AccessToken build() {
      return new AccessToken(this);
    }
  }
}
