package dev.forcelink.examples.snippets;

import dev.forcelink.bulk.BulkClient;
import dev.forcelink.bulk.BulkJobException;
import dev.forcelink.bulk.BulkRecord;
import dev.forcelink.bulk.ColumnDelimiter;
import dev.forcelink.bulk.IngestJobHandle;
import dev.forcelink.bulk.IngestOperation;
import dev.forcelink.bulk.IngestRequest;
import dev.forcelink.bulk.JobInfo;
import dev.forcelink.bulk.JobState;
import dev.forcelink.bulk.LineEnding;
import dev.forcelink.bulk.LoadResult;
import dev.forcelink.bulk.PollBackoff;
import dev.forcelink.bulk.QueryJobHandle;
import dev.forcelink.bulk.QueryRequest;
import dev.forcelink.bulk.RowMapper;
import dev.forcelink.bulk.RowResult;
import dev.forcelink.bulk.RowSource;
import dev.forcelink.bulk.RowStatus;
import dev.forcelink.core.SalesforceConnection;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The code shown in {@code docs/bulk.md}, kept here so that it always compiles. The text between
 * the {@code // snippet} markers is what the guide shows.
 */
final class BulkSnippets {
  private BulkSnippets() {}

  /** A customer record of the caller's own. */
  record Customer(String id, String name, LocalDate signedUp) {}

  static void loadMaps(SalesforceConnection connection, List<Map<String, Object>> contacts) {
    // snippet: bulk-load-maps
    try (BulkClient bulk = BulkClient.create(connection);
         LoadResult load = bulk.loadAndWait(
             IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(contacts))) {                  // keys of the first map are the columns
      System.out.println(load.summary());
      try (Stream<RowResult> results = load.results()) {
        results.filter(r -> r.status() != RowStatus.SUCCEEDED)
            .forEach(r -> System.out.println("row " + r.rowNumber().getAsLong() + ": " + r.error().orElse("")));
      }
    }
    // end snippet
  }

  static void loadObjects(BulkClient bulk, Stream<Customer> customers) {
    // snippet: bulk-load-objects
    RowMapper<Customer> columns = RowMapper.<Customer>builder()
        .column("External_Id__c", Customer::id)
        .column("Name", Customer::name)
        .column("Signed_Up__c", Customer::signedUp)         // LocalDate -> 2024-03-01; null -> #N/A
        .build();
    IngestRequest upsert = IngestRequest.builder("Account", IngestOperation.UPSERT)
        .externalIdFieldName("External_Id__c")
        .build();
    try (LoadResult load = bulk.loadAndWait(upsert, RowSource.of(customers, columns))) {
      System.out.println(load.summary().succeeded() + " of " + load.summary().rows() + " written");
    }
    // end snippet
  }

  static void loadCsv(BulkClient bulk) {
    // snippet: bulk-load-csv
    IngestRequest update = IngestRequest.builder("Contact", IngestOperation.UPDATE)
        .columnDelimiter(ColumnDelimiter.TAB)              // the dialect of the uploads, not of the file
        .lineEnding(LineEnding.CRLF)
        .build();
    try (LoadResult load = bulk.loadAndWait(update, RowSource.ofCsv(Path.of("contacts.csv")))) {
      System.out.println(load.summary());
    }
    // end snippet
  }

  static BulkClient splitting(SalesforceConnection connection) {
    // snippet: bulk-client-options
    BulkClient bulk = BulkClient.builder(connection)
        .maxJobBytes(50_000_000)                            // default and most: 100 MB of CSV per job
        .maxJobRows(1_000_000)
        .maxConcurrentJobs(4)                               // jobs spooled or running at once
        .pollBackoff(PollBackoff.of(Duration.ofSeconds(1), Duration.ofSeconds(30), 1.5))
        .tempDirectory(Path.of("/var/tmp/forcelink"))       // spool files, result pages
        .build();
    // end snippet
    return bulk;
  }

  static void resume(BulkClient bulk, SalesforceConnection laterConnection, List<Map<String, Object>> rows) {
    // snippet: bulk-deadline-resume
    List<String> unfinished;
    try (LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT)
        .deadline(Duration.ofMinutes(10)).build(), RowSource.ofMaps(rows))) {
      unfinished = load.pendingJobs().stream().map(IngestJobHandle::id).collect(Collectors.toList());
      // store the ids; the jobs keep running in Salesforce
    }

    // later, maybe in another process
    try (BulkClient later = BulkClient.create(laterConnection)) {
      for (String id : unfinished) {
        IngestJobHandle job = later.ingestJob(id);
        JobInfo info = job.awaitCompletion(Duration.ofHours(1));
        if (info.state().isTerminal()) {
          List<RowResult> results = job.results();           // no row numbers: this client never saw the input
          System.out.println(id + " " + info.state() + ": " + results.size() + " result rows");
        }
      }
    }
    // end snippet
  }

  static void failuresFile(LoadResult load, Path file) throws Exception {
    // snippet: bulk-failures-csv
    try (OutputStream out = Files.newOutputStream(file)) {
      // sf__Row, sf__Job, sf__Status, sf__Id, sf__Created, sf__Error, then the input columns;
      // cells starting with = + - @ get a leading ' so a spreadsheet shows them as text
      load.writeResultsCsv(out, EnumSet.of(RowStatus.FAILED, RowStatus.UNPROCESSED), true);
    }
    load.summary().failureReasons().forEach((code, rows) -> System.out.println(rows + " x " + code));
    // end snippet
  }

  static IngestRequest resubmit() {
    // snippet: bulk-resubmit
    IngestRequest request = IngestRequest.builder("Contact", IngestOperation.UPDATE)
        .retryTransientFailures(2)                          // rows failing with UNABLE_TO_LOCK_ROW, in new jobs
        .build();
    // end snippet
    return request;
  }

  static void queryCopy(BulkClient bulk) {
    // snippet: bulk-query-copy
    QueryJobHandle job = bulk.query("SELECT Id, Name, Account.Name FROM Contact WHERE CreatedDate = LAST_N_DAYS:7");
    long copied = job.copyResultsTo(Path.of("contacts.csv"));   // header once, pages in order, as Salesforce wrote them
    System.out.println(copied + " contacts");
    // end snippet
  }

  static void queryRecords(BulkClient bulk) {
    // snippet: bulk-query-records
    QueryJobHandle job = bulk.query(QueryRequest.builder("SELECT Id, Name, IsDeleted FROM Account")
        .includeDeleted(true)                               // queryAll
        .build());
    try (Stream<BulkRecord> records = job.records()) {      // one page on disk at a time; close to stop early
      records.filter(r -> r.get("IsDeleted").equals("true"))
          .forEach(r -> System.out.println(r.get("Id") + " " + r.get("Name")));
    }
    // end snippet
  }

  static void queryErrors(BulkClient bulk) {
    // snippet: bulk-query-errors
    QueryJobHandle job = bulk.query("SELECT Id FROM Account");
    try {
      job.copyResultsTo(Path.of("accounts.csv"));
    } catch (BulkJobException e) {
      JobInfo info = e.jobInfo();
      if (info.state() == JobState.FAILED) {
        System.err.println("query failed: " + info.errorMessage().orElse("?"));
      } else {
        System.err.println("still " + info.state() + "; download again later from job " + job.id());
      }
    }
    // end snippet
  }
}
