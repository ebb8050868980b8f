package dev.forcelink.bulk;

import java.io.IOException;

/**
 * Produces ingest rows by pushing them into a {@link RowSink}, for data that is easiest to write
 * from a loop (a JDBC cursor, a file walk). Called once, on the thread that started the load.
 */
@FunctionalInterface
public interface RowWriter {
  /**
   * Writes every row.
   *
   * @param sink receives the rows
   * @throws IOException if reading the underlying data fails; the load stops and rethrows it
   *     wrapped in an {@link java.io.UncheckedIOException}
   */
  void writeRows(RowSink sink) throws IOException;
}
