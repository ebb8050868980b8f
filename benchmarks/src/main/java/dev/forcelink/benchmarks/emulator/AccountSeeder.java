package dev.forcelink.benchmarks.emulator;

import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.WriteContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills an emulator with Accounts directly in its record store (no HTTP). Each Account has the ten
 * fields that {@link #SOQL} selects filled with values of realistic length.
 */
public final class AccountSeeder {
  /** The benchmark query: ten fields of every seeded Account. */
  public static final String SOQL = "SELECT Id, Name, AccountNumber, Phone, Website, Industry, AnnualRevenue, "
      + "NumberOfEmployees, BillingCity, Rating FROM Account";
  private static final List<String> INDUSTRIES = List.of("Banking", "Energy", "Retail", "Technology");
  private static final List<String> RATINGS = List.of("Hot", "Warm", "Cold");
  private static final int PER_TRANSACTION = 5_000;

  private AccountSeeder() {}

  /**
   * Inserts {@code count} Accounts into the emulator's store.
   *
   * @param emulator a running emulator started in this JVM
   * @param count how many Accounts
   * @throws IllegalStateException if the emulator's store is not reachable (the benchmarks' service
   *     file is missing from the class path)
   */
  public static void seed(SalesforceEmulator emulator, int count) {
    RecordStore store = StoreCapture.storeOf(emulator.instanceUrl()).orElseThrow(() -> new IllegalStateException(
        "No record store registered for " + emulator.instanceUrl()
            + "; run with the benchmarks jar so that StoreCapture is found by the ServiceLoader"));
    WriteContext context = WriteContext.of(emulator.userId());
    for (int start = 0; start < count; start += PER_TRANSACTION) {
      int from = start;
      int to = Math.min(count, start + PER_TRANSACTION);
      store.transaction(context, tx -> {
        for (int i = from; i < to; i++) {
          tx.insert("Account", account(i));
        }
        return null;
      });
    }
  }

  private static Map<String, Object> account(int i) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("Name", "Benchmark Account " + i + " Holdings Ltd");
    values.put("AccountNumber", String.format("ACC-%010d", i));
    values.put("Phone", "+1 415 555 " + String.format("%04d", i % 10_000));
    values.put("Website", "https://account-" + i + ".example.com");
    values.put("Industry", INDUSTRIES.get(i % INDUSTRIES.size()));
    values.put("AnnualRevenue", BigDecimal.valueOf(1_000_000L + i * 37L));
    values.put("NumberOfEmployees", 10 + i % 5_000);
    values.put("BillingCity", "San Francisco");
    values.put("Rating", RATINGS.get(i % RATINGS.size()));
    return values;
  }
}
