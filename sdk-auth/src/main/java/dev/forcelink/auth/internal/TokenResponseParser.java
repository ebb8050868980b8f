package dev.forcelink.auth.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.exception.AuthenticationException;
import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.core.exception.SalesforceServiceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads a successful token response into an {@link AccessToken}, verifying its {@code signature}
 * when the client secret is known: {@code Base64(HMAC-SHA256(key = client_secret, message = id +
 * issued_at))}, compared in constant time. Stateless and thread-safe.
 */
public final class TokenResponseParser {
  /** The error code given to a token response whose signature does not verify. */
  public static final String SIGNATURE_ERROR_CODE = "invalid_signature";

  private TokenResponseParser() {}

  /**
   * Parses a token response.
   *
   * @param response a 2xx response of a token request
   * @param clientSecret the client secret when the flow knows it (to verify the signature), or null
   * @param allowInsecureHttp whether a plain-HTTP {@code instance_url} off the loopback is accepted
   * @param clock the clock giving the issue time when the response has no {@code issued_at}
   * @return the token, with its refresh token when one was issued
   * @throws ResponseDecodeException if the body is not a JSON object, lacks {@code access_token} or
   *     {@code instance_url}, or has a malformed field; the message holds a redacted excerpt
   * @throws AuthenticationException if the signature does not verify
   */
  public static AccessToken parse(OAuthResponse response, Secret clientSecret, boolean allowInsecureHttp,
      Clock clock) {
    String what = "The answer to the " + response.operation().description() + " from "
        + response.url().getHost();
    ObjectNode json = Json.parseObject(response.body()).orElseThrow(() -> new ResponseDecodeException(
        what + " is not a JSON object (HTTP " + response.status() + "): "
            + excerptOrEmpty(response.body()), null, null));
    String accessToken = required(json, "access_token", what, response);
    URI instanceUrl = url(required(json, "instance_url", what, response), "instance_url", what);
    try {
      SecureUrls.requireSecure(instanceUrl, allowInsecureHttp, "instance_url");
    } catch (IllegalArgumentException e) {
      throw new ResponseDecodeException(what + " names an insecure instance_url ("
          + SecureUrls.safeForm(instanceUrl) + ")", null, null);
    }
    String id = Json.text(json, "id");
    String issuedAtText = Json.text(json, "issued_at");
    String signature = Json.text(json, "signature");
    if (clientSecret != null && signature != null) {
      verifySignature(response, clientSecret, id, issuedAtText, signature);
    }
    AccessToken.Builder token = AccessToken.builder()
        .value(Secret.of(accessToken))
        .instanceUrl(instanceUrl)
        .identityUrl(id == null ? null : url(id, "id", what))
        .issuedAt(issuedAtText == null ? clock.instant() : issuedAt(issuedAtText, what))
        .scopes(scopes(Json.text(json, "scope")));
    String refreshToken = Json.text(json, "refresh_token");
    if (refreshToken != null) {
      token.refreshToken(Secret.of(refreshToken));
    }
    return token.build();
  }

  /**
   * Computes the signature Salesforce sends with a token response.
   *
   * @param clientSecret the client secret
   * @param id the identity URL as sent
   * @param issuedAt the {@code issued_at} text as sent
   * @return the standard Base64 (padded) of the HMAC-SHA256
   */
  public static String sign(Secret clientSecret, String id, String issuedAt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((id + issuedAt).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static void verifySignature(OAuthResponse response, Secret clientSecret, String id,
      String issuedAt, String signature) {
    boolean valid = id != null && issuedAt != null
        && MessageDigest.isEqual(sign(clientSecret, id, issuedAt).getBytes(StandardCharsets.UTF_8),
            signature.getBytes(StandardCharsets.UTF_8));
    if (!valid) {
      throw new AuthenticationException(SalesforceServiceException.Details.builder()
          .statusCode(response.status())
          .requestId(response.requestId())
          .errors(List.of(SalesforceError.of(SIGNATURE_ERROR_CODE,
              "token response signature does not verify")))
          .summary("The answer to the " + response.operation().description() + " from "
              + response.url().getHost() + " was rejected: check the client secret; a correct secret"
              + " with a failing signature means the response was altered in transit"));
    }
  }

  private static String required(ObjectNode json, String field, String what, OAuthResponse response) {
    String value = Json.text(json, field);
    if (value == null) {
      throw new ResponseDecodeException(what + " has no " + field + " (HTTP " + response.status()
          + "): " + excerptOrEmpty(response.body()), null, null);
    }
    return value;
  }

  private static URI url(String text, String field, String what) {
    try {
      URI uri = new URI(text);
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new URISyntaxException(text, "not an absolute URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ResponseDecodeException(what + " has a malformed " + field + " (" + e.getReason() + ")",
          null, null);
    }
  }

  private static Instant issuedAt(String text, String what) {
    try {
      return Instant.ofEpochMilli(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new ResponseDecodeException(what + " has an issued_at that is not epoch milliseconds: "
          + Excerpts.of(text), null, null);
    }
  }

  private static Set<String> scopes(String scope) {
    if (scope == null) {
      return Set.of();
    }
    Set<String> scopes = new LinkedHashSet<>();
    Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
    return scopes;
  }

  private static String excerptOrEmpty(String body) {
    String excerpt = Excerpts.of(body);
    return excerpt.isEmpty() ? "(empty body)" : excerpt;
  }
}
