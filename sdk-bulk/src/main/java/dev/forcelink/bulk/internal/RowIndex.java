package dev.forcelink.bulk.internal;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Finds the input row a result row belongs to: for each uploaded row it keeps the digest of its
 * match key and its row number in two primitive arrays (16 bytes a row, nothing per input beyond
 * the job), sorted once the job's upload is complete. Each entry can be claimed once, so identical
 * input rows are handed out one per result row. Not thread-safe.
 */
public final class RowIndex {
  private long[] digests = new long[1024];
  private long[] rows = new long[1024];
  private int size;
  private BitSet claimed;

  /**
   * Adds a row.
   *
   * @param digest the digest of the row's match key
   * @param rowNumber the row's number or position
   */
  public void add(long digest, long rowNumber) {
    if (claimed != null) {
      throw new IllegalStateException("index already sealed");
    }
    if (size == digests.length) {
      digests = Arrays.copyOf(digests, size * 2);
      rows = Arrays.copyOf(rows, size * 2);
    }
    digests[size] = digest;
    rows[size] = rowNumber;
    size++;
  }

  /**
   * Returns the number of rows added.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /** Sorts the entries by digest, then by row number; call once before {@link #claim(long)}. */
  public void seal() {
    if (claimed != null) {
      return;
    }
    sort(0, size - 1);
    claimed = new BitSet(size);
  }

  /** An in-place quicksort of both arrays together, so that sorting boxes nothing. */
  private void sort(int lo, int hi) {
    while (lo < hi) {
      if (hi - lo < 16) {
        for (int i = lo + 1; i <= hi; i++) {
          for (int j = i; j > lo && less(j, j - 1); j--) {
            swap(j, j - 1);
          }
        }
        return;
      }
      int mid = (lo + hi) >>> 1;
      if (less(mid, lo)) {
        swap(mid, lo);
      }
      if (less(hi, lo)) {
        swap(hi, lo);
      }
      if (less(hi, mid)) {
        swap(hi, mid);
      }
      long pd = digests[mid];
      long pr = rows[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (compare(digests[i], rows[i], pd, pr) < 0) {
          i++;
        }
        while (compare(digests[j], rows[j], pd, pr) > 0) {
          j--;
        }
        if (i <= j) {
          swap(i++, j--);
        }
      }
      if (j - lo < hi - i) {
        sort(lo, j);
        lo = i;
      } else {
        sort(i, hi);
        hi = j;
      }
    }
  }

  private boolean less(int a, int b) {
    return compare(digests[a], rows[a], digests[b], rows[b]) < 0;
  }

  private static int compare(long da, long ra, long db, long rb) {
    return da != db ? Long.compare(da, db) : Long.compare(ra, rb);
  }

  private void swap(int a, int b) {
    long d = digests[a];
    digests[a] = digests[b];
    digests[b] = d;
    long r = rows[a];
    rows[a] = rows[b];
    rows[b] = r;
  }

  /**
   * Claims the first unclaimed row with this digest.
   *
   * @param digest the digest of a result row's match key
   * @return the row number, or -1 when no unclaimed row has this digest
   */
  public long claim(long digest) {
    int i = Arrays.binarySearch(digests, 0, size, digest);
    if (i < 0) {
      return -1;
    }
    while (i > 0 && digests[i - 1] == digest) {
      i--;
    }
    for (; i < size && digests[i] == digest; i++) {
      if (!claimed.get(i)) {
        claimed.set(i);
        return rows[i];
      }
    }
    return -1;
  }

  /**
   * Returns the row numbers never claimed, ascending.
   *
   * @return the unclaimed rows
   */
  public long[] unclaimed() {
    long[] out = new long[size - claimed.cardinality()];
    int n = 0;
    for (int i = claimed.nextClearBit(0); i < size; i = claimed.nextClearBit(i + 1)) {
      out[n++] = rows[i];
    }
    Arrays.sort(out);
    return out;
  }
}
