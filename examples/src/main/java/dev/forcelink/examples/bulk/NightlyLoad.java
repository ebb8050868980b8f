package dev.forcelink.examples.bulk;

import dev.forcelink.bulk.BulkClient;
import dev.forcelink.bulk.IngestOperation;
import dev.forcelink.bulk.IngestRequest;
import dev.forcelink.bulk.LoadResult;
import dev.forcelink.bulk.LoadSummary;
import dev.forcelink.bulk.QueryJobHandle;
import dev.forcelink.bulk.RowMapper;
import dev.forcelink.bulk.RowSource;
import dev.forcelink.bulk.RowStatus;
import dev.forcelink.examples.ExampleOrg;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Nightly load with reconciliation: upserts contacts from an ERP feed by {@code External_ERP_Id__c}
 * with Bulk API 2.0, prints what happened (processed, failed with reasons grouped, unprocessed),
 * writes the rows to fix, with their reasons, to a spreadsheet-safe CSV, then exports the loaded
 * contacts with a query job and counts them.
 *
 * <p>Runs against the embedded emulator unless {@link ExampleOrg} finds a real org in the
 * environment. The feed is generated: about one row in 500 is deliberately bad (no last name, a
 * first name longer than the field's 40 characters, or an account the org does not know).
 *
 * <pre>
 * mvn -B -q -pl examples -am -DskipTests package exec:java -Dexec.mainClass=dev.forcelink.examples.bulk.NightlyLoad
 * </pre>
 * Arguments (optional): the number of rows (default 100,000) and the output directory (default
 * {@code nightly-load} under the system temporary directory).
 */
public final class NightlyLoad {
  /** Accounts the feed's contacts belong to, seeded before the load. */
  static final int ACCOUNTS = 50;
  /** Every this many rows, one row of each bad kind. */
  static final int BAD_EVERY = 1_500;

  private NightlyLoad() {}

  /**
   * Runs the example against the org named by the environment (the embedded emulator by default).
   *
   * @param args optional row count and output directory
   */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path outDir = args.length > 1 ? Path.of(args[1])
        : Path.of(System.getProperty("java.io.tmpdir"), "nightly-load");
    try (ExampleOrg org = ExampleOrg.connect()) {
      run(org, rows, outDir, System.out);
    }
  }

  /**
   * Seeds the accounts, loads {@code rows} contacts, writes the files and prints the report.
   *
   * @param org the org
   * @param rows how many feed rows to generate, at least 1
   * @param outDir where to write {@code failed-rows.csv} and {@code contacts-export.csv}; created if
   *     missing
   * @param out where the report goes
   * @return the numbers and files of the run
   * @throws IllegalArgumentException if {@code rows} is below 1
   * @throws UncheckedIOException if a file cannot be written
   * @throws dev.forcelink.core.exception.ForcelinkException if a Bulk call fails for good
   */
  public static Report run(ExampleOrg org, int rows, Path outDir, PrintStream out) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1, got " + rows);
    }
    Objects.requireNonNull(outDir, "outDir");
    Path failedCsv = outDir.resolve("failed-rows.csv");
    Path exportCsv = outDir.resolve("contacts-export.csv");
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + outDir, e);
    }
    out.println("Nightly load of " + rows + " contacts into " + org.description());
    long started = System.nanoTime();
    try (BulkClient bulk = BulkClient.create(org.connection())) {
      seedAccounts(bulk);

      IngestRequest request = IngestRequest.builder("Contact", IngestOperation.UPSERT)
          .externalIdFieldName("External_ERP_Id__c")
          .retryTransientFailures(2)
          .build();
      LoadSummary summary;
      try (LoadResult load = bulk.loadAndWait(request, RowSource.of(feed(rows), CONTACT_COLUMNS))) {
        summary = load.summary();
        try (OutputStream file = Files.newOutputStream(failedCsv)) {
          load.writeResultsCsv(file, EnumSet.of(RowStatus.FAILED, RowStatus.UNPROCESSED), true);
        }
      }
      out.printf("Processed %d rows in %d job(s): %d succeeded, %d failed, %d unprocessed, %d still running%n",
          summary.rows(), summary.jobs().size(), summary.succeeded(), summary.failed(), summary.unprocessed(),
          summary.pending());
      summary.failureReasons().forEach((reason, count) -> out.printf("  %6d  %s%n", count, reason));
      out.println("Rows to fix, with their reasons: " + failedCsv);

      QueryJobHandle export = bulk.query("SELECT Id, External_ERP_Id__c, FirstName, LastName, Email, Account.Name"
          + " FROM Contact WHERE External_ERP_Id__c LIKE 'ERP-C%'");
      long exported = export.copyResultsTo(exportCsv);
      out.println("Exported " + exported + " contacts to " + exportCsv);
      out.printf("Done in %.1f s%n", (System.nanoTime() - started) / 1e9);
      return new Report(summary.rows(), summary.succeeded(), summary.failed(), summary.unprocessed(),
          summary.failureReasons(), failedCsv, exported, exportCsv);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + failedCsv, e);
    }
  }

  /** One row of the ERP feed. */
  record FeedContact(String erpId, String firstName, String lastName, String email, String accountErpId) {}

  /** How feed rows become CSV columns; {@code Account.External_ERP_Id__c} links each contact to its account. */
  static final RowMapper<FeedContact> CONTACT_COLUMNS = RowMapper.<FeedContact>builder()
      .column("External_ERP_Id__c", FeedContact::erpId)
      .column("FirstName", FeedContact::firstName)
      .column("LastName", FeedContact::lastName)
      .column("Email", FeedContact::email)
      .column("Account.External_ERP_Id__c", FeedContact::accountErpId)
      .build();

  /** Generates the feed lazily, so the example holds one row at a time like a real extract would. */
  static Stream<FeedContact> feed(int rows) {
    return IntStream.rangeClosed(1, rows).mapToObj(i -> {
      String erpId = String.format("ERP-C%07d", i);
      String account = String.format("ERP-A%03d", i % ACCOUNTS + 1);
      String first = "Ada";
      String last = "Lovelace-" + i;
      switch (i % BAD_EVERY) {
        case 7:
          last = "";                                   // REQUIRED_FIELD_MISSING
          break;
        case 11:
          first = "A".repeat(41);                      // STRING_TOO_LONG: FirstName holds 40
          break;
        case 13:
          account = "ERP-A999";                        // no such account
          break;
        default:
          break;
      }
      return new FeedContact(erpId, first, last, "contact" + i + "@example.com", account);
    });
  }

  private static void seedAccounts(BulkClient bulk) {
    List<Map<String, Object>> accounts = IntStream.rangeClosed(1, ACCOUNTS)
        .mapToObj(i -> Map.<String, Object>of("External_ERP_Id__c", String.format("ERP-A%03d", i),
            "Name", "Account " + i))
        .toList();
    IngestRequest upsert = IngestRequest.builder("Account", IngestOperation.UPSERT)
        .externalIdFieldName("External_ERP_Id__c").build();
    try (LoadResult load = bulk.loadAndWait(upsert, RowSource.ofMaps(accounts))) {
      if (!load.summary().allSucceeded()) {
        throw new IllegalStateException("Could not seed the accounts: " + load.summary());
      }
    }
  }

  /**
   * What a run did.
   *
   * @param rows feed rows read
   * @param succeeded rows written
   * @param failed rows the org refused
   * @param unprocessed rows no job reached
   * @param failureReasons failed and unprocessed rows by error code
   * @param failedCsv the spreadsheet-safe CSV of failed and unprocessed rows with their reasons
   * @param exported contacts exported by the query job
   * @param exportCsv the export
   */
  public record Report(long rows, long succeeded, long failed, long unprocessed, Map<String, Long> failureReasons,
      Path failedCsv, long exported, Path exportCsv) {}
}
