package dev.forcelink.benchmarks.rest;

import dev.forcelink.benchmarks.emulator.EmulatorProcess;
import dev.forcelink.benchmarks.emulator.EmulatorSettings;
import dev.forcelink.benchmarks.harness.Samples;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.limits.ApiUsage;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.collections.CollectionResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts Accounts through sObject Collections ({@code RestClient.collections().create}, 200 per
 * call, one call at a time) and one by one ({@code RestClient.create}) against one emulator in a
 * child JVM, alternating the two round by round, and prints records per second, the wall time for
 * the whole batch, and the API calls each way: as the client counted them and as the org's
 * {@code Sforce-Limit-Info} moved.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.forcelink.benchmarks.rest.InsertThroughput \
 *     [records=50000] [oneByOne=2000] [rounds=3]
 * </pre>
 *
 * <p>One-by-one creates run on a smaller sample (each costs a round trip and an API call); its wall
 * time for the full batch is projected from its rate.
 */
public final class InsertThroughput {
  private InsertThroughput() {}

  /**
   * Runs the benchmark and prints the results.
   *
   * @param args {@code records oneByOne rounds}, each optional
   */
  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int single = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.printf("InsertThroughput: %d records through Collections, %d one by one, 1 warm-up + %d rounds%n",
        records, single, rounds);
    try (EmulatorProcess emulator = EmulatorProcess.start(EmulatorSettings.seededForRest(0, "3g"))) {
      URI instance = URI.create(emulator.instanceUrl());
      String token = emulator.accessToken();
      try (SalesforceConnection connection = SalesforceConnection.builder()
              .authProvider(CachingAuthProvider.of(() ->
                  AccessToken.builder().value(Secret.of(token)).instanceUrl(instance).build()))
              .build();
          RestClient rest = RestClient.create(connection)) {
        rest.limits(); // first Sforce-Limit-Info reading
        Samples collectionRate = new Samples();
        Samples singleRate = new Samples();
        long collectionCalls = 0;
        long collectionUsage = 0;
        long singleUsage = 0;
        for (int round = -1; round < rounds; round++) {
          int n = round < 0 ? records / 10 : records;
          int m = round < 0 ? single / 10 : single;
          long usageBefore = used(connection);
          long start = System.nanoTime();
          CollectionResult result = rest.collections().create(accounts(n, "c" + round));
          double seconds = (System.nanoTime() - start) / 1e9;
          long usageAfter = used(connection);
          if (!result.allSucceeded() || result.results().size() != n) {
            throw new IllegalStateException("Collections create failed: " + result);
          }
          List<SObject> singles = accounts(m, "s" + round);
          long singleStart = System.nanoTime();
          for (SObject account : singles) {
            rest.create(account);
          }
          double singleSeconds = (System.nanoTime() - singleStart) / 1e9;
          long singleUsageAfter = used(connection);
          if (round >= 0) {
            collectionRate.add(n / seconds);
            singleRate.add(m / singleSeconds);
            collectionCalls = result.apiCalls();
            // Each response reports the org's count including itself, so the difference counts the calls between.
            collectionUsage = usageAfter - usageBefore;
            singleUsage = singleUsageAfter - usageAfter;
          }
        }
        double c = collectionRate.median();
        double s = singleRate.median();
        System.out.printf("%nCollections create: %,10.0f rec/s (min %,.0f, max %,.0f), %,d records in %.1f s, "
                + "%d API calls by the client (ceil(N/200) = %d), Sforce-Limit-Info moved by %d%n",
            c, collectionRate.min(), collectionRate.max(), records, records / c, collectionCalls,
            (records + 199) / 200, collectionUsage);
        System.out.printf("One-by-one create:  %,10.0f rec/s (min %,.0f, max %,.0f), %,d records in %.1f s "
                + "(projected: %,d API calls; Sforce-Limit-Info moved by %d for %d records)%n",
            s, singleRate.min(), singleRate.max(), records, records / s, records, singleUsage, single);
        System.out.printf("Collections speed-up: %.1fx%n", c / s);
      }
    }
  }

  private static long used(SalesforceConnection connection) {
    return connection.apiUsage().map(ApiUsage::used).orElse(-1L);
  }

  private static List<SObject> accounts(int count, String tag) {
    List<SObject> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(SObject.builder("Account")
          .set("Name", "Insert " + tag + " " + i)
          .set("AccountNumber", String.format("INS-%s-%08d", tag, i))
          .set("Industry", "Technology")
          .set("NumberOfEmployees", 10 + i % 500)
          .build());
    }
    return list;
  }
}
