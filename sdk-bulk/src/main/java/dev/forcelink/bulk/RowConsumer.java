package dev.forcelink.bulk;

import java.util.List;

/** Receives a source's header once, then its formatted rows. Not thread-safe. */
interface RowConsumer {
  void header(List<String> columns);

  void row(String[] cells);
}
