package dev.forcelink.bulk;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.forcelink.bulk.internal.BulkErrorCodes;
import dev.forcelink.bulk.internal.CsvCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects a load's matched row results in a temporary CSV file (so memory does not grow with the
 * input) and counts them. Thread-safe: jobs finishing on several threads append under a lock.
 */
final class ResultStore implements AutoCloseable {
  static final List<String> META = List.of("sf__Row", "sf__Job", "sf__Status", "sf__Id", "sf__Created", "sf__Error");

  private final Path file;
  private final List<String> columns;
  private final CsvWriter writer;
  private final Map<String, Long> reasons = new TreeMap<>();
  private long succeeded;
  private long failed;
  private long unprocessed;
  private long unmatched;
  private boolean closed;

  ResultStore(Path dir, List<String> columns) {
    this.columns = List.copyOf(columns);
    try {
      this.file = Files.createTempFile(dir, "forcelink-bulk-results-", ".csv");
      this.writer = new CsvCodec(',', "\n").writer(new BufferedWriter(
          new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the results file in " + dir, e);
    }
    List<String> header = new ArrayList<>(META);
    header.addAll(this.columns);
    writer.writeRecord(header);
  }

  List<String> columns() {
    return columns;
  }

  Path file() {
    return file;
  }

  synchronized void add(RowResult r) {
    List<String> cells = new ArrayList<>(META.size() + columns.size());
    cells.add(r.rowNumber().isPresent() ? Long.toString(r.rowNumber().getAsLong()) : "");
    cells.add(r.jobId().orElse(""));
    cells.add(r.status().name());
    cells.add(r.id().orElse(""));
    cells.add(r.created() ? "true" : "false");
    cells.add(r.error().orElse(""));
    for (String c : columns) {
      String v = r.values().get(c);
      cells.add(v == null ? "" : v);
    }
    writer.writeRecord(cells);
    if (r.rowNumber().isEmpty()) {
      // A result row that matched no input row is listed, but input rows are counted once each.
      unmatched++;
      return;
    }
    switch (r.status()) {
      case SUCCEEDED:
        succeeded++;
        break;
      case FAILED:
        failed++;
        reasons.merge(reason(r.error().orElse("")), 1L, Long::sum);
        break;
      default:
        unprocessed++;
        reasons.merge(reason(r.error().orElse("")), 1L, Long::sum);
        break;
    }
  }

  private static String reason(String error) {
    return BulkErrorCodes.leadingCode(error).orElse(error.isEmpty() ? "UNKNOWN" : error);
  }

  synchronized void finish() {
    if (!closed) {
      closed = true;
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the results file " + file, e);
      }
    }
  }

  synchronized long succeeded() {
    return succeeded;
  }

  synchronized long failed() {
    return failed;
  }

  synchronized long unprocessed() {
    return unprocessed;
  }

  synchronized long unmatched() {
    return unmatched;
  }

  synchronized Map<String, Long> reasons() {
    return new TreeMap<>(reasons);
  }

  @Override
  public void close() {
    try {
      finish();
    } catch (UncheckedIOException e) {
      // Deleting is what matters now.
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
