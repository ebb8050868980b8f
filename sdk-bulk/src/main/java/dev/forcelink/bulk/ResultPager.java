package dev.forcelink.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forcelink.bulk.internal.CsvCodec;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.exception.ForcelinkClientException;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.http.SalesforceResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out a query job's result pages in order, each completely downloaded to a temporary file
 * before anyone reads it, so a page whose connection dropped half way is fetched again by its
 * locator and never half-written to the caller's output.
 *
 * <p>Two ways: the serial locator chain ({@code results?maxRecords=&locator=}, next locator from
 * {@code Sforce-Locator} until the literal {@code null}), or, from API v58.0, the parallel
 * {@code resultPages} list with up to {@code parallelDownloads} pages in flight and pages still
 * handed out in order. The parallel way falls back to the serial one when the endpoint is missing
 * (404). At most the window's pages sit on disk at once. Not thread-safe.
 */
final class ResultPager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dev.forcelink.bulk");
  private static final ApiVersion PARALLEL_SINCE = new ApiVersion(58, 0);
  private static final int PAGE_ATTEMPTS = 3;

  private final BulkHttp http;
  private final JobInfo job;
  private final String resultsPath;
  private final CsvCodec codec;
  private int nextIndex;

  // serial state
  private boolean serial;
  private String locator;
  private boolean serialDone;

  // parallel state
  private final Deque<String> pendingUrls = new ArrayDeque<>();
  private final Deque<InFlight> inFlight = new ArrayDeque<>();
  private String nextPagesUrl;
  private boolean pagesListDone;

  ResultPager(BulkHttp http, JobInfo job, CsvCodec codec) {
    this.http = http;
    this.job = job;
    this.codec = codec;
    this.resultsPath = http.jobPathForResults(JobKind.QUERY, job) + "/results";
    this.serial = http.settings.parallelDownloads <= 1 || !versionOf(job).isAtLeast(PARALLEL_SINCE);
    if (!serial) {
      try {
        readPagesList(URI.create(http.jobPathForResults(JobKind.QUERY, job) + "/resultPages"));
      } catch (NotFoundException e) {
        LOG.debug("resultPages is not available for job {}; downloading through the locator chain", job.id());
        serial = true;
      }
    }
  }

  private ApiVersion versionOf(JobInfo info) {
    ApiVersion v = http.connection.apiVersion();
    if (info.apiVersion().isPresent()) {
      try {
        v = ApiVersion.parse(info.apiVersion().get());
      } catch (IllegalArgumentException e) {
        // Keep the connection's.
      }
    }
    return v;
  }

  /**
   * Returns the next page, completely on disk.
   *
   * @return the page (close it once consumed), or null after the last
   */
  PageFile next() {
    return serial ? nextSerial() : nextParallel();
  }

  private PageFile nextSerial() {
    if (serialDone) {
      return null;
    }
    StringBuilder target = new StringBuilder(resultsPath).append("?maxRecords=").append(http.settings.pageSize);
    if (locator != null) {
      target.append("&locator=").append(java.net.URLEncoder.encode(locator, java.nio.charset.StandardCharsets.UTF_8));
    }
    Fetched f = fetch(URI.create(target.toString()), nextIndex++);
    String next = f.response.header("Sforce-Locator").orElse("null").trim();
    if (next.isEmpty() || next.equals("null")) {
      serialDone = true;
    } else {
      locator = next;
    }
    return f.page;
  }

  private PageFile nextParallel() {
    fill();
    InFlight head = inFlight.poll();
    if (head == null) {
      return null;
    }
    try {
      SalesforceResponse<Path> response = head.future.get();
      if (complete(head.page, response)) {
        return head.page;
      }
      LOG.info("Result page {} of job {} was incomplete; fetching it again", head.page.index, job.id());
    } catch (ExecutionException e) {
      LOG.info("Result page {} of job {} failed ({}); fetching it again", head.page.index, job.id(),
          e.getCause() == null ? e : e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      head.page.close();
      throw new ForcelinkClientException("Interrupted while downloading bulk results", e, null, false);
    }
    head.page.close();
    return fetch(head.url, head.page.index).page;
  }

  private void fill() {
    while (inFlight.size() < http.settings.parallelDownloads) {
      if (pendingUrls.isEmpty()) {
        if (pagesListDone) {
          return;
        }
        readPagesList(BulkHttp.relativeOrAbsolute(nextPagesUrl));
        continue;
      }
      URI url = BulkHttp.relativeOrAbsolute(pendingUrls.poll());
      PageFile page = new PageFile(nextIndex++, tempFile(), http.settings.gauge);
      inFlight.add(new InFlight(url, page,
          http.downloadAsync(url, page.file, "download bulk query results of job " + job.id())));
    }
  }

  private void readPagesList(URI target) {
    JsonNode node = http.getJson(target, "list result pages of bulk job " + job.id());
    for (JsonNode p : node.path("resultPages")) {
      String url = p.path("resultUrl").asText("");
      if (!url.isEmpty()) {
        pendingUrls.add(url);
      }
    }
    // The Bulk API 2.0 guide's table says nextRecordUrl and its prose nextRecordsUrl; which one Salesforce
    // sends is unverified, so accept both.
    String next = Optional.ofNullable(node.get("nextRecordsUrl")).or(() -> Optional.ofNullable(node.get("nextRecordUrl")))
        .filter(n -> !n.isNull()).map(JsonNode::asText).filter(s -> !s.isEmpty()).orElse(null);
    boolean done = node.path("done").asBoolean(next == null);
    nextPagesUrl = next;
    pagesListDone = done || next == null;
  }

  /** Fetches one page until it arrives whole, or fails after a few attempts. */
  private Fetched fetch(URI target, int index) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= PAGE_ATTEMPTS; attempt++) {
      PageFile page = new PageFile(index, tempFile(), http.settings.gauge);
      try {
        SalesforceResponse<Path> response = http.download(target, page.file,
            "download bulk query results of job " + job.id());
        if (complete(page, response)) {
          return new Fetched(page, response);
        }
        last = new ResponseDecodeException("Result page " + index + " of bulk job " + job.id()
            + " held fewer records than its Sforce-NumberOfRecords header", null, response.correlationId());
      } catch (SalesforceServiceException e) {
        page.close();
        if (e.statusCode() == 412 || e.errorCode().filter("JOB_NOT_COMPLETE"::equals).isPresent()) {
          // Results asked for before the job completed: wait for it, then ask again.
          JobInfo info = http.await(JobKind.QUERY, job.id(), java.time.Instant.now().plus(http.settings.resultWait));
          QueryJobHandle.requireComplete(info);
          last = e;
          continue;
        }
        throw e;
      } catch (ForcelinkClientException e) {
        last = e;
        if (!e.isRetryable()) {
          page.close();
          throw e;
        }
      }
      page.close();
      LOG.info("Fetching result page {} of bulk job {} again (attempt {} of {})", index, job.id(), attempt + 1,
          PAGE_ATTEMPTS);
    }
    throw last;
  }

  /** A page is complete when it parses and holds as many records as Sforce-NumberOfRecords says. */
  private boolean complete(PageFile page, SalesforceResponse<Path> response) {
    Optional<String> expected = response.header("Sforce-NumberOfRecords");
    if (expected.isEmpty()) {
      return true;
    }
    long want;
    try {
      want = Long.parseLong(expected.get().trim());
    } catch (NumberFormatException e) {
      return true;
    }
    long records = -1;
    try (CsvReader<CsvRecord> reader = codec.reader(new BufferedInputStream(Files.newInputStream(page.file)))) {
      for (CsvRecord ignored : reader) {
        records++;
      }
    } catch (IOException | CsvParseException | UncheckedIOException e) {
      return false;
    }
    return Math.max(records, 0) == want;
  }

  private Path tempFile() {
    try {
      return Files.createTempFile(http.settings.tempDirectory, "forcelink-bulk-page-", ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary file for a result page in "
          + http.settings.tempDirectory, e);
    }
  }

  /** Cancels downloads in flight and deletes their files. */
  @Override
  public void close() {
    for (InFlight f : inFlight) {
      f.future.cancel(true);
      try {
        f.future.join();
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        // Already failing; only the file matters.
      }
      f.page.close();
    }
    inFlight.clear();
  }

  private static final class InFlight {
    final URI url;
    final PageFile page;
    final CompletableFuture<SalesforceResponse<Path>> future;

    InFlight(URI url, PageFile page, CompletableFuture<SalesforceResponse<Path>> future) {
      this.url = url;
      this.page = page;
      this.future = future;
    }
  }

  private static final class Fetched {
    final PageFile page;
    final SalesforceResponse<Path> response;

    Fetched(PageFile page, SalesforceResponse<Path> response) {
      this.page = page;
      this.response = response;
    }
  }
}
