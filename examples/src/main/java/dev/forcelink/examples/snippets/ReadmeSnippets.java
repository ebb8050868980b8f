package dev.forcelink.examples.snippets;

import dev.forcelink.auth.JwtBearerAuth;
import dev.forcelink.auth.LoginUrls;
import dev.forcelink.auth.PrivateKeys;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.ApiVersions;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import java.nio.file.Path;

/**
 * The code shown in the README and the guides, kept here so that it always compiles. Each method
 * is one snippet; the text between the {@code // snippet} markers is what the docs show.
 */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  static void quickStart(String consumerKey) {
    // snippet: quick-start
    AuthProvider auth = JwtBearerAuth.builder()
        .clientId(consumerKey)
        .username("integration@acme.com")
        .loginUrl(LoginUrls.PRODUCTION)
        .privateKey(PrivateKeys.fromPemFile(Path.of("server-pkcs8.pem")))
        .build();

    try (SalesforceConnection connection = SalesforceConnection.builder().authProvider(auth).build()) {
      ApiVersion version = ApiVersions.negotiate(connection);          // highest version both sides know
      SalesforceResponse<String> limits = connection.sendForString(
          SalesforceRequest.builder().get().path(version.dataPath() + "/limits").build());
      connection.apiUsage().ifPresent(u -> System.out.println(u.used() + "/" + u.max() + " calls today"));
    }
    // end snippet
  }
}
