package dev.forcelink.auth;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forcelink.auth.internal.TokenResponseParser;
import dev.forcelink.core.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers for the WireMock-backed flow tests: token response bodies and captured form posts. */
final class Wire {
  static final String TOKEN_PATH = "/services/oauth2/token";
  static final String ORG = "00D5e000000AbCdEAK";
  static final String USER = "0055e000001XyZaAAK";

  private Wire() {}

  static URI base(WireMockExtension wm) {
    return URI.create(wm.baseUrl());
  }

  /** A JWT-bearer-style body: no issued_at, no signature. */
  static String unsignedToken(WireMockExtension wm, String accessToken) {
    return "{\"access_token\":\"" + accessToken + "\",\"scope\":\"api\",\"instance_url\":\"" + wm.baseUrl()
        + "\",\"id\":\"" + wm.baseUrl() + "/id/" + ORG + "/" + USER + "\",\"token_type\":\"Bearer\"}";
  }

  /** A signed body, as password, client credentials, code and refresh responses are. */
  static String signedToken(WireMockExtension wm, String accessToken, Secret clientSecret, String extraFields) {
    String id = wm.baseUrl() + "/id/" + ORG + "/" + USER;
    String issuedAt = "1700000000123";
    String signature = TokenResponseParser.sign(clientSecret, id, issuedAt);
    return "{\"access_token\":\"" + accessToken + "\",\"scope\":\"api refresh_token\",\"instance_url\":\""
        + wm.baseUrl() + "\",\"id\":\"" + id + "\",\"token_type\":\"Bearer\",\"issued_at\":\"" + issuedAt
        + "\",\"signature\":\"" + signature + "\"" + extraFields + "}";
  }

  /** The form fields of every request to the token endpoint, in order. */
  static List<Map<String, String>> tokenForms(WireMockExtension wm) {
    return tokenRequests(wm).stream().map(r -> form(r.getBodyAsString())).collect(Collectors.toList());
  }

  static List<LoggedRequest> tokenRequests(WireMockExtension wm) {
    return wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(TOKEN_PATH)));
  }

  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}
