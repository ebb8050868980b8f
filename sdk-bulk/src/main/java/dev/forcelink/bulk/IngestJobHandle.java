package dev.forcelink.bulk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forcelink.bulk.internal.CsvCodec;
import dev.forcelink.core.http.SalesforceResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An ingest job known by its id: follow it, abort or delete it, and read its three result sets
 * ({@code successfulResults}, {@code failedResults}, {@code unprocessedrecords}) as raw CSV or as
 * {@link RowResult}s. A handle from {@link BulkClient#ingestJob(String)} knows nothing of the input,
 * so its row results carry no row numbers; {@link BulkClient#loadAndWait} matches them to input rows.
 *
 * <p>Immutable and thread-safe.
 */
public final class IngestJobHandle extends JobHandleBase {

  IngestJobHandle(BulkHttp http, String id) {
    super(http, id, JobKind.INGEST);
  }

  /**
   * Copies {@code successfulResults} ({@code sf__Id,sf__Created,<columns>}) as Salesforce sent it.
   *
   * @param out the destination; not closed
   * @throws dev.forcelink.core.exception.ForcelinkException if the download fails
   */
  public void copySuccessfulResults(OutputStream out) {
    copy("successfulResults/", out);
  }

  /**
   * Copies {@code failedResults} ({@code sf__Id,sf__Error,<columns>}) as Salesforce sent it.
   *
   * @param out the destination; not closed
   * @throws dev.forcelink.core.exception.ForcelinkException if the download fails
   */
  public void copyFailedResults(OutputStream out) {
    copy("failedResults/", out);
  }

  /**
   * Copies {@code unprocessedrecords} (the original columns) as Salesforce sent it.
   *
   * @param out the destination; not closed
   * @throws dev.forcelink.core.exception.ForcelinkException if the download fails
   */
  public void copyUnprocessedRecords(OutputStream out) {
    copy("unprocessedrecords/", out);
  }

  /**
   * Reads all three result sets as row results without row numbers, in the order: successful,
   * failed, unprocessed. Each set is downloaded to a temporary file first, then parsed row by row.
   *
   * @return the results; a new list (for very large jobs prefer {@link BulkClient#loadAndWait})
   * @throws dev.forcelink.core.exception.ForcelinkException if a download fails
   */
  public List<RowResult> results() {
    List<RowResult> out = new ArrayList<>();
    JobInfo info = info();
    forEachResult(info, ResultSet.SUCCESSFUL, (values, r) -> out.add(r.toResult(0, values)));
    forEachResult(info, ResultSet.FAILED, (values, r) -> out.add(r.toResult(0, values)));
    forEachResult(info, ResultSet.UNPROCESSED, (values, r) -> out.add(r.toResult(0, values)));
    return out;
  }

  /** The three result sets and the meta columns each carries. */
  enum ResultSet {
    SUCCESSFUL("successfulResults/", RowStatus.SUCCEEDED),
    FAILED("failedResults/", RowStatus.FAILED),
    UNPROCESSED("unprocessedrecords/", RowStatus.UNPROCESSED);

    final String segment;
    final RowStatus status;

    ResultSet(String segment, RowStatus status) {
      this.segment = segment;
      this.status = status;
    }
  }

  /** One result row split into Salesforce's meta columns and the echoed original columns. */
  static final class ResultRow {
    final String jobId;
    final RowStatus status;
    final String sfId;
    final boolean created;
    final String error;

    ResultRow(String jobId, RowStatus status, String sfId, boolean created, String error) {
      this.jobId = jobId;
      this.status = status;
      this.sfId = sfId;
      this.created = created;
      this.error = error;
    }

    RowResult toResult(long rowNumber, Map<String, String> values) {
      return new RowResult(rowNumber, jobId, status, sfId, created, error, values);
    }
  }

  /** Receives each result row: its original column values (by name) and its meta columns. */
  interface ResultVisitor {
    void visit(Map<String, String> values, ResultRow row);
  }

  /**
   * Streams one result set through a temporary file: the download completes before parsing
   * starts, so a dropped connection is retried by the connection and never yields half a set.
   */
  void forEachResult(JobInfo info, ResultSet set, ResultVisitor visitor) {
    String unprocessedError = set == ResultSet.UNPROCESSED
        ? info.errorMessage().map(m -> "Not processed: the job " + info.rawState().orElse("ended") + ": " + m)
            .orElse("Not processed: the job " + info.rawState().orElse("ended") + " before reaching this row")
        : null;
    withDownload(set.segment, file -> {
      // Results come back in the job's own delimiter and line ending.
      CsvCodec codec = QueryJobHandle.codecOf(info);
      try (CsvReader<CsvRecord> reader = codec.reader(new BufferedInputStream(Files.newInputStream(file)))) {
        List<String> header = null;
        int idCol = -1;
        int createdCol = -1;
        int errorCol = -1;
        for (CsvRecord rec : reader) {
          if (header == null) {
            header = rec.getFields();
            idCol = header.indexOf("sf__Id");
            createdCol = header.indexOf("sf__Created");
            errorCol = header.indexOf("sf__Error");
            continue;
          }
          Map<String, String> values = new LinkedHashMap<>();
          for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (!name.startsWith("sf__")) {
              values.put(name, rec.getField(i));
            }
          }
          visitor.visit(values, new ResultRow(id, set.status,
              idCol >= 0 ? rec.getField(idCol) : null,
              createdCol >= 0 && "true".equalsIgnoreCase(rec.getField(createdCol)),
              errorCol >= 0 ? rec.getField(errorCol) : unprocessedError));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the downloaded " + set.segment + " of job " + id, e);
      }
    });
  }

  private void copy(String segment, OutputStream out) {
    Objects.requireNonNull(out, "out");
    withDownload(segment, file -> {
      try {
        Files.copy(file, out);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot copy the " + segment + " of job " + id, e);
      }
    });
  }

  private void withDownload(String segment, Consumer<Path> use) {
    Path file;
    try {
      file = Files.createTempFile(http.settings.tempDirectory, "forcelink-bulk-results-", ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary file in " + http.settings.tempDirectory, e);
    }
    try {
      SalesforceResponse<Path> ignored = http.download(
          URI.create(http.jobPath(JobKind.INGEST, id) + "/" + segment), file,
          "download " + segment.replace("/", "") + " of bulk job " + id);
      use.accept(ignored.body());
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }
}
