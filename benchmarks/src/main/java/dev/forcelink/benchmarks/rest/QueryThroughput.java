package dev.forcelink.benchmarks.rest;

import dev.forcelink.benchmarks.emulator.AccountSeeder;
import dev.forcelink.benchmarks.emulator.EmulatorProcess;
import dev.forcelink.benchmarks.emulator.EmulatorSettings;
import dev.forcelink.benchmarks.harness.HeapProbe;
import dev.forcelink.benchmarks.harness.Samples;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.rest.QueryResult;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Queries Accounts of ten fields through lazy paging ({@code RestClient.query}) and through the raw
 * baseline ({@link RawQueryReader}) against one emulator in a child JVM, alternating the variants
 * round by round in this JVM, and prints records per second (median of the rounds), the ratio to
 * the baseline, and heap figures for a small and a large result.
 *
 * <pre>
 * java -Xmx128m -cp benchmarks/target/benchmarks.jar dev.forcelink.benchmarks.rest.QueryThroughput \
 *     [records=200000] [small=50000] [rounds=5] [warmup=2]
 * </pre>
 *
 * <p>Heap: "peak" is the sum of the heap pools' peak usage over a timed round (garbage included,
 * so it shows how far the collector let the heap grow under that {@code -Xmx}); "live" is the most
 * heap still used after a full collection taken every 10,000 records in an untimed pass, minus the
 * heap used before the query: what the reader really holds.
 */
public final class QueryThroughput {
  private static final int LIVE_SAMPLE_EVERY = 10_000;

  private QueryThroughput() {}

  /**
   * Runs the benchmark and prints the results.
   *
   * @param args {@code records small rounds warmup}, each optional
   */
  public static void main(String[] args) {
    int records = arg(args, 0, 200_000);
    int small = arg(args, 1, 50_000);
    int rounds = arg(args, 2, 5);
    int warmup = arg(args, 3, 2);
    System.out.printf("QueryThroughput: %d records (and LIMIT %d), %d warm-up + %d measured rounds, -Xmx %s%n",
        records, small, warmup, rounds, HeapProbe.mib(Runtime.getRuntime().maxMemory()));
    long seedStart = System.nanoTime();
    try (EmulatorProcess emulator = EmulatorProcess.start(EmulatorSettings.seededForRest(records, "3g"))) {
      System.out.printf("emulator seeded with %d Accounts in a child JVM in %.1f s%n",
          records, (System.nanoTime() - seedStart) / 1e9);
      URI instance = URI.create(emulator.instanceUrl());
      String token = emulator.accessToken();
      try (SalesforceConnection connection = SalesforceConnection.builder()
              .authProvider(CachingAuthProvider.of(() ->
                  AccessToken.builder().value(Secret.of(token)).instanceUrl(instance).build()))
              .build();
          RestClient rest = RestClient.create(connection)) {
        String version = ApiVersion.DEFAULT.toString();
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("raw java.net.http + Jackson streaming, gzip", rawVariant(instance, token, version, true));
        variants.put("raw java.net.http + Jackson streaming, identity", rawVariant(instance, token, version, false));
        variants.put("Forcelink RestClient.query (lazy paging, SObject)", sink -> {
          long n = 0;
          try (QueryResult<SObject> result = rest.query(AccountSeeder.SOQL + sink.limitClause())) {
            for (SObject account : result) {
              sink.accept(account.getString("Id"));
              n++;
            }
          }
          return n;
        });
        for (int size : List.of(small, records)) {
          measure(variants, size, size == records ? "" : " LIMIT " + size, warmup, rounds);
        }
      }
    }
  }

  private static Variant rawVariant(URI instance, String token, String version, boolean gzip) {
    RawQueryReader reader = new RawQueryReader(instance, token, version, gzip);
    return sink -> reader.read(AccountSeeder.SOQL + sink.limitClause(), sink);
  }

  private static void measure(Map<String, Variant> variants, int expected, String limit, int warmup, int rounds) {
    Map<String, Samples> rates = new LinkedHashMap<>();
    Map<String, Samples> peaks = new LinkedHashMap<>();
    HeapProbe probe = new HeapProbe();
    for (int round = -warmup; round < rounds; round++) {
      for (Map.Entry<String, Variant> v : variants.entrySet()) {
        Sink sink = new Sink(limit, 0);
        probe.reset();
        long start = System.nanoTime();
        long n = v.getValue().run(sink);
        long took = System.nanoTime() - start;
        check(v.getKey(), n, expected);
        if (round >= 0) {
          rates.computeIfAbsent(v.getKey(), k -> new Samples()).add(n / (took / 1e9));
          peaks.computeIfAbsent(v.getKey(), k -> new Samples()).add(probe.peakBytes());
        }
      }
    }
    System.out.printf("%n== %d records (%s) ==%n", expected, limit.isEmpty() ? "whole result" : limit.trim());
    String baseline = variants.keySet().iterator().next();
    double base = rates.get(baseline).median();
    for (String name : variants.keySet()) {
      Samples r = rates.get(name);
      Sink sink = new Sink(limit, LIVE_SAMPLE_EVERY);
      long before = HeapProbe.liveBytes();
      check(name, variants.get(name).run(sink), expected);
      System.out.printf("%-52s %,10.0f rec/s (min %,.0f, max %,.0f)  ratio %.2f  peak %s  live %s%n", name,
          r.median(), r.min(), r.max(), r.median() / base, HeapProbe.mib((long) peaks.get(name).median()),
          HeapProbe.mib(Math.max(0, sink.maxLive - before)));
    }
  }

  private static void check(String name, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(name + " read " + actual + " records, expected " + expected);
    }
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index].replace("_", "")) : fallback;
  }

  /** One way of reading the whole result. */
  @FunctionalInterface
  private interface Variant {
    long run(Sink sink);
  }

  /** Receives each record's Id, keeps a checksum, and samples live heap when asked. */
  private static final class Sink implements Consumer<String> {
    private final String limit;
    private final int sampleEvery;
    long checksum;
    long seen;
    long maxLive;

    Sink(String limit, int sampleEvery) {
      this.limit = limit;
      this.sampleEvery = sampleEvery;
    }

    String limitClause() {
      return limit;
    }

    @Override
    public void accept(String id) {
      checksum += id.length();
      seen++;
      if (sampleEvery > 0 && seen % sampleEvery == 0) {
        maxLive = Math.max(maxLive, HeapProbe.liveBytes());
      }
    }
  }
}
