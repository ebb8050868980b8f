package dev.forcelink.pubsub;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A position in a Pub/Sub event stream: the opaque {@code replay_id} bytes exactly as the server sent
 * them. Salesforce documents the value as opaque and not contiguous, so it is never parsed or
 * compared for order; store the bytes and hand them back.
 *
 * <p>Immutable and thread-safe. {@link #toString()} and {@link #toHex()} give the bytes as lower-case
 * hex, the form {@link #fromHex(String)} reads back.
 */
public final class ReplayId {
  private final byte[] bytes;

  private ReplayId(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps replay id bytes (copied).
   *
   * @param bytes the bytes as received from the server
   * @return the replay id
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if {@code bytes} is empty
   */
  public static ReplayId of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length == 0) {
      throw new IllegalArgumentException("A replay id has at least one byte; got an empty array");
    }
    return new ReplayId(bytes.clone());
  }

  /**
   * Reads a replay id from its hex form, as written by {@link #toHex()}.
   *
   * @param hex an even number of hex digits
   * @return the replay id
   * @throws NullPointerException if {@code hex} is null
   * @throws IllegalArgumentException if {@code hex} is empty or not hex
   */
  public static ReplayId fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    try {
      return of(HexFormat.of().parseHex(hex.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a replay id in hex form (an even number of hex digits): '"
          + (hex.length() > 80 ? hex.substring(0, 80) + "…" : hex) + "'", e);
    }
  }

  /**
   * Returns a copy of the bytes.
   *
   * @return the replay id bytes
   */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * Returns the bytes as lower-case hex.
   *
   * @return the hex form
   */
  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** Compares the bytes. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ReplayId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Returns the hex form. */
  @Override
  public String toString() {
    return toHex();
  }
}
