package dev.forcelink.rest;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One page of a query result, as the asynchronous client hands it out: its records, the total
 * size of the result, and the link to the next page. Continue with
 * {@link RestAsyncClient#nextPage(QueryPage)}.
 *
 * <p>Immutable and thread-safe if the records are.
 *
 * @param <T> the record type
 */
public final class QueryPage<T> {
  /** Reads one record from the parser, which is on its {@code START_OBJECT}. */
  @FunctionalInterface
  interface RecordReader<T> {
    T read(JsonParser p) throws IOException;
  }

  private final List<T> records;
  private final long totalSize;
  private final boolean done;
  private final String nextRecordsUrl;
  final RecordReader<T> reader;
  final QueryOptions options;

  QueryPage(List<T> records, long totalSize, boolean done, String nextRecordsUrl, RecordReader<T> reader,
      QueryOptions options) {
    this.records = records;
    this.totalSize = totalSize;
    this.done = done;
    this.nextRecordsUrl = done ? null : nextRecordsUrl;
    this.reader = reader;
    this.options = options;
  }

  /** @return this page's records, in the server's order; unmodifiable */
  public List<T> records() {
    return records;
  }

  /** @return how many records the whole result holds, as Salesforce reported */
  public long totalSize() {
    return totalSize;
  }

  /** @return true when this is the last page */
  public boolean done() {
    return done || nextRecordsUrl == null;
  }

  /** @return the path of the next page, when there is one */
  public Optional<String> nextRecordsUrl() {
    return Optional.ofNullable(nextRecordsUrl);
  }

  /** @return the cursor that continues after this whole page */
  public QueryCursor nextCursor() {
    return nextRecordsUrl == null ? QueryCursor.done() : new QueryCursor(nextRecordsUrl, 0);
  }

  @Override
  public String toString() {
    return "QueryPage{" + records.size() + " records, totalSize=" + totalSize + ", done=" + done() + "}";
  }
}
