package dev.forcelink.benchmarks.emulator;

import java.util.Optional;

/**
 * The one line {@link EmulatorHost} prints when its emulator serves, carrying everything a benchmark
 * needs to reach it: {@code READY <instanceUrl> <pubSubAddress> <orgId> <accessToken>}. None of the
 * values contains a space.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves the token out.
 *
 * @param instanceUrl the emulator's {@code http://127.0.0.1:port}
 * @param pubSubAddress {@code host:port} of its Pub/Sub gRPC service
 * @param orgId the emulated org's id
 * @param accessToken a valid access token for the org's user
 */
record ReadyLine(String instanceUrl, String pubSubAddress, String orgId, String accessToken) {
  private static final String PREFIX = "READY ";

  /** @return the line to print, without a line break */
  String format() {
    return PREFIX + instanceUrl + " " + pubSubAddress + " " + orgId + " " + accessToken;
  }

  /**
   * Reads a line of the child's output.
   *
   * @param line a line printed by the child
   * @return the values, or empty if {@code line} is not a ready line
   * @throws IllegalStateException if the line starts like a ready line but has the wrong number of
   *     values (the message does not repeat the line, which holds a token)
   */
  static Optional<ReadyLine> parse(String line) {
    if (!line.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] words = line.substring(PREFIX.length()).split(" ");
    if (words.length != 4) {
      throw new IllegalStateException("The emulator process's READY line has " + words.length
          + " values instead of 4 (instance URL, Pub/Sub address, org id, token); are the parent and the child"
          + " running the same benchmarks jar?");
    }
    return Optional.of(new ReadyLine(words[0], words[1], words[2], words[3]));
  }

  @Override
  public String toString() {
    return "ReadyLine[instanceUrl=" + instanceUrl + ", pubSubAddress=" + pubSubAddress + ", orgId=" + orgId + "]";
  }
}
