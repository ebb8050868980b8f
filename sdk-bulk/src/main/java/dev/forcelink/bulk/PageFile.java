package dev.forcelink.bulk;

import dev.forcelink.bulk.internal.PipelineGauge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One completely downloaded result page, on disk until consumed. Not thread-safe. */
final class PageFile implements AutoCloseable {
  final int index;
  final Path file;
  private final PipelineGauge gauge;
  private boolean closed;

  PageFile(int index, Path file, PipelineGauge gauge) {
    this.index = index;
    this.file = file;
    this.gauge = gauge;
    gauge.acquire(PipelineGauge.Kind.PAGES_HELD);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    gauge.release(PipelineGauge.Kind.PAGES_HELD);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
