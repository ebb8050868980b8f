package dev.forcelink.examples.snippets;

import dev.forcelink.auth.JwtBearerAuth;
import dev.forcelink.auth.LoginUrls;
import dev.forcelink.auth.PrivateKeys;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.rest.QueryResult;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.UpsertResult;
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

    try (SalesforceConnection connection = SalesforceConnection.builder().authProvider(auth).build();
        RestClient rest = RestClient.create(connection)) {
      UpsertResult acme = rest.upsert("Account", "External_ERP_Id__c", "ERP-42",   // safe to retry
          SObject.builder("Account").set("Name", "Acme").set("Industry", "Energy").build());
      try (QueryResult<SObject> energy = rest.query("SELECT Id, Name FROM Account WHERE Industry = 'Energy'")) {
        energy.forEach(a -> System.out.println(a.getString("Name")));              // pages fetched lazily
      }
      connection.apiUsage().ifPresent(u -> System.out.println(u.used() + "/" + u.max() + " API calls today"));
    }
    // end snippet
  }
}
