package dev.forcelink.bulk.internal;

/**
 * A 64-bit digest of a sequence of cell values (FNV-1a over each value's characters with a length
 * prefix, then a MurmurHash3 finaliser), used to find the input row a result row echoes. Two
 * different rows collide with probability about n²/2⁶⁵ for n rows in one job, so a job of a few
 * million rows has well under one chance in a million of a single collision. Stateless and
 * thread-safe.
 */
public final class RowDigest {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private RowDigest() {}

  /**
   * Digests the values at the given positions, in that order.
   *
   * @param values the row
   * @param positions which values, in which order
   * @return the digest
   */
  public static long of(String[] values, int[] positions) {
    long h = OFFSET;
    for (int p : positions) {
      String v = values[p];
      int len = v.length();
      h = (h ^ len) * PRIME;
      for (int i = 0; i < len; i++) {
        h = (h ^ v.charAt(i)) * PRIME;
      }
    }
    return fmix(h);
  }

  private static long fmix(long k) {
    long h = k;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
