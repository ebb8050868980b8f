package dev.forcelink.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.internal.json.Json;
import dev.forcelink.core.internal.log.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Discovers the API versions an org serves ({@code GET /services/data/}) and picks the one to use.
 *
 * <p>Stateless and thread-safe.
 */
public final class ApiVersions {
  private ApiVersions() {}

  /**
   * Lists the versions the org serves. The call is unauthenticated and does not count against the
   * org's API limits.
   *
   * @param connection the connection (its instance URL is used)
   * @return the versions, ascending, without duplicates
   * @throws ResponseDecodeException if the body is not the expected JSON array
   * @throws dev.forcelink.core.exception.ForcelinkException if the call fails
   */
  public static List<ApiVersion> list(SalesforceConnection connection) {
    SalesforceResponse<byte[]> response = connection.sendForBytes(SalesforceRequest.builder()
        .get().path("/services/data/").authenticated(false).description("list API versions").build());
    JsonNode root;
    try {
      root = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw decodeFailure(response, "is not JSON", e);
    }
    if (root == null || !root.isArray()) {
      throw decodeFailure(response, "is not a JSON array of {label, url, version}", null);
    }
    TreeSet<ApiVersion> versions = new TreeSet<>();
    for (JsonNode entry : root) {
      JsonNode v = entry.get("version");
      if (v == null || !v.isValueNode()) {
        continue;
      }
      try {
        versions.add(ApiVersion.parse(v.asText()));
      } catch (IllegalArgumentException skip) {
        // An entry we cannot read does not make the others wrong.
      }
    }
    return List.copyOf(new ArrayList<>(versions));
  }

  /**
   * Picks the highest version that both the org and this release of Forcelink
   * ({@link ApiVersion#LATEST_SUPPORTED}) support.
   *
   * @param connection the connection
   * @return the version to use
   * @throws IllegalStateException if the org serves no version from
   *     {@link ApiVersion#OLDEST_SUPPORTED} to {@link ApiVersion#LATEST_SUPPORTED}
   * @throws dev.forcelink.core.exception.ForcelinkException if the call fails
   */
  public static ApiVersion negotiate(SalesforceConnection connection) {
    List<ApiVersion> served = list(connection);
    for (int i = served.size() - 1; i >= 0; i--) {
      ApiVersion v = served.get(i);
      if (!v.isAtLeast(ApiVersion.OLDEST_SUPPORTED)) {
        break;
      }
      if (ApiVersion.LATEST_SUPPORTED.isAtLeast(v)) {
        return v;
      }
    }
    throw new IllegalStateException("The org serves API versions " + summary(served)
        + " but this release of Forcelink supports " + ApiVersion.OLDEST_SUPPORTED + " to "
        + ApiVersion.LATEST_SUPPORTED + "; set an explicit apiVersion(...) on the connection or"
        + " upgrade Forcelink");
  }

  private static String summary(List<ApiVersion> served) {
    if (served.isEmpty()) {
      return "none";
    }
    return served.get(0) + " to " + served.get(served.size() - 1);
  }

  private static ResponseDecodeException decodeFailure(SalesforceResponse<byte[]> r, String what, Throwable cause) {
    String body = r.body() == null ? "" : new String(r.body(), StandardCharsets.UTF_8);
    return new ResponseDecodeException("The versions list (GET /services/data/) " + what + ": "
        + Redaction.excerpt(body, 200), cause, r.correlationId());
  }
}
