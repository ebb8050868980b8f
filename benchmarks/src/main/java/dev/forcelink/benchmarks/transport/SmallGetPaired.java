package dev.forcelink.benchmarks.transport;

import dev.forcelink.benchmarks.harness.Samples;
import java.io.IOException;

/**
 * The small GET of {@link SmallGetBenchmark} as a paired run for a loaded machine: blocks of calls
 * alternate between the raw HTTP/1.1 + gzip baseline and the Forcelink connection in one JVM, and
 * the median of the per-block time ratios is printed, so that load which drifts over minutes hits
 * both sides alike (JMH runs one variant after the other).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.forcelink.benchmarks.transport.SmallGetPaired \
 *     [blocks=40] [callsPerBlock=200]
 * </pre>
 */
public final class SmallGetPaired {
  private SmallGetPaired() {}

  /**
   * Runs the paired measurement.
   *
   * @param args {@code blocks callsPerBlock}, each optional
   * @throws IOException on a raw transport failure
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    SmallGetBenchmark bench = new SmallGetBenchmark();
    bench.setUp();
    try {
      Samples raw = new Samples();
      Samples forcelink = new Samples();
      Samples forcelinkHttp11 = new Samples();
      Samples ratio = new Samples();
      Samples ratioHttp11 = new Samples();
      for (int block = -5; block < blocks; block++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          bench.rawHttp11Gzip();
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          bench.forcelinkConnection();
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          bench.forcelinkHttp11Client();
        }
        long t3 = System.nanoTime();
        if (block >= 0) {
          raw.add((t1 - t0) / 1e3 / calls);
          forcelink.add((t2 - t1) / 1e3 / calls);
          forcelinkHttp11.add((t3 - t2) / 1e3 / calls);
          ratio.add((double) (t2 - t1) / (t1 - t0));
          ratioHttp11.add((double) (t3 - t2) / (t1 - t0));
        }
      }
      System.out.printf("raw HTTP/1.1 + gzip           median %8.1f us/call%n", raw.median());
      System.out.printf("Forcelink, own client         median %8.1f us/call  ratio %.2f (per-block median)%n",
          forcelink.median(), ratio.median());
      System.out.printf("Forcelink, HTTP/1.1 client    median %8.1f us/call  ratio %.2f (per-block median)%n",
          forcelinkHttp11.median(), ratioHttp11.median());
    } finally {
      bench.tearDown();
    }
  }
}
