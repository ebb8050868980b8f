package dev.forcelink.examples.quickstart;

import dev.forcelink.auth.SalesforceOAuth;
import dev.forcelink.auth.UserInfo;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.ApiVersions;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.examples.ExampleOrg;
import dev.forcelink.rest.OrgLimits;
import dev.forcelink.rest.RestClient;
import java.io.PrintStream;
import java.util.List;

/**
 * The quick start: logs in with the JWT bearer flow, then prints who we are, which API versions the
 * org offers and a few of its limits. Runs against the embedded emulator unless a real org is
 * configured (see {@link ExampleOrg}).
 */
public final class QuickStart {
  private static final List<String> SHOWN_LIMITS =
      List.of("DailyApiRequests", "DailyBulkV2QueryJobs", "DataStorageMB", "HourlyPublishedPlatformEvents");

  private QuickStart() {}

  /**
   * Runs the quick start.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (ExampleOrg org = ExampleOrg.connect()) {
      run(org, System.out);
    }
  }

  /**
   * Prints the identity, versions and limits of {@code org}.
   *
   * @param org the org to talk to
   * @param out where to print
   */
  public static void run(ExampleOrg org, PrintStream out) {
    SalesforceConnection connection = org.connection();
    AccessToken token = org.auth().token();
    out.println("Logged in to " + org.description() + " with the JWT bearer flow");

    UserInfo me = SalesforceOAuth.builder().loginUrl(org.loginUrl()).build().userInfo(token);
    out.println("User:      " + me.preferredUsername().orElse("?") + " (" + me.userId().orElse("?") + ")");
    out.println("Org:       " + me.organizationId().orElse("?"));
    out.println("Instance:  " + connection.instanceUrl());

    List<ApiVersion> versions = ApiVersions.list(connection);
    ApiVersion chosen = ApiVersions.negotiate(connection);
    out.println("Versions:  " + versions.get(0) + " to " + versions.get(versions.size() - 1)
        + " offered; using " + chosen);

    try (RestClient rest = RestClient.create(connection.withApiVersion(chosen))) {
      OrgLimits limits = rest.limits();
      for (String name : SHOWN_LIMITS) {
        limits.get(name).ifPresent(limit ->
            out.printf("%-31s %,d of %,d remaining%n", name + ":", limit.remaining(), limit.max()));
      }
    }
    connection.apiUsage().ifPresent(usage ->
        out.printf("API usage: %,d of %,d daily requests used (from Sforce-Limit-Info)%n", usage.used(), usage.max()));
  }
}
