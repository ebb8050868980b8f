package dev.forcelink.benchmarks.pubsub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Describes the machine and the moment of a run, for the figures in {@code docs/benchmarks.md}. */
final class Machine {
  private Machine() {}

  static String describe() {
    String load;
    try {
      load = Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      load = "unknown";
    }
    return String.format("%s; %d cores; %s %s (%s); max heap %d MiB; load average %s",
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), load);
  }
}
