package dev.forcelink.core.internal.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * An incremental gzip (RFC 1952) decoder: feed it compressed chunks as they arrive and get
 * decompressed chunks back, so a gzip response streams without being buffered whole. Handles
 * multi-member streams and checks each member's CRC-32 and length.
 *
 * <p>Not thread-safe: one decoder per response, used by one subscriber. Call {@link #end()} to free
 * the native inflater.
 */
final class GzipDecoder {
  private static final int OUT_CHUNK = 16 * 1024;
  private static final int FIRST_CHUNK = 1024;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private enum State { HEADER, BODY, TRAILER, IGNORING }

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private State state = State.HEADER;
  private byte[] carry = new byte[0];
  private long memberSize;
  // Reused for every inflate call of this response: a fresh 16 KiB array per chunk dominated the
  // allocation of small gzip responses. Starts near the expected size and grows once it fills.
  private byte[] scratch;

  /**
   * Decodes one chunk.
   *
   * @param in compressed bytes
   * @return decompressed chunks, possibly none
   * @throws ZipException if the data is not valid gzip
   */
  List<ByteBuffer> decode(ByteBuffer in) throws ZipException {
    byte[] data = new byte[carry.length + in.remaining()];
    System.arraycopy(carry, 0, data, 0, carry.length);
    in.get(data, carry.length, in.remaining());
    carry = new byte[0];
    List<ByteBuffer> out = new ArrayList<>();
    int pos = 0;
    while (pos < data.length) {
      switch (state) {
        case HEADER: {
          int len = headerLength(data, pos);
          if (len < 0) {
            carry = Arrays.copyOfRange(data, pos, data.length);
            return out;
          }
          pos += len;
          inflater.reset();
          crc.reset();
          memberSize = 0;
          state = State.BODY;
          break;
        }
        case BODY: {
          inflater.setInput(data, pos, data.length - pos);
          inflateAvailable(out, data.length - pos);
          if (inflater.finished()) {
            pos = data.length - inflater.getRemaining();
            state = State.TRAILER;
          } else {
            pos = data.length;
          }
          break;
        }
        case TRAILER: {
          if (data.length - pos < 8) {
            carry = Arrays.copyOfRange(data, pos, data.length);
            return out;
          }
          long expectedCrc = readIntLe(data, pos);
          long expectedSize = readIntLe(data, pos + 4);
          if (expectedCrc != crc.getValue() || expectedSize != (memberSize & 0xffffffffL)) {
            throw new ZipException("gzip member failed its CRC-32 or length check");
          }
          pos += 8;
          // Another member may follow; bytes that do not start a gzip header are trailing padding.
          state = pos < data.length && (data[pos] & 0xff) != 0x1f ? State.IGNORING : State.HEADER;
          break;
        }
        default:
          return out;
      }
    }
    return out;
  }

  /**
   * Tells whether the stream ended on a member boundary (or was empty).
   *
   * @return true when no member is half-read
   */
  boolean isComplete() {
    if (state == State.IGNORING) {
      return true;
    }
    return state == State.HEADER && carry.length == 0;
  }

  /** Frees the native inflater. */
  void end() {
    inflater.end();
  }

  private void inflateAvailable(List<ByteBuffer> out, int compressedLength) throws ZipException {
    if (scratch == null) {
      scratch = new byte[Math.max(FIRST_CHUNK, Math.min(OUT_CHUNK, compressedLength * 4))];
    }
    try {
      while (!inflater.finished()) {
        byte[] buf = scratch;
        int n = inflater.inflate(buf);
        if (n > 0) {
          crc.update(buf, 0, n);
          memberSize += n;
          out.add(ByteBuffer.wrap(Arrays.copyOf(buf, n)));
          if (n == buf.length && buf.length < OUT_CHUNK) {
            scratch = new byte[OUT_CHUNK];
          }
        } else if (inflater.needsInput() || inflater.needsDictionary()) {
          if (inflater.needsDictionary()) {
            throw new ZipException("gzip data needs a preset dictionary");
          }
          return;
        }
      }
    } catch (DataFormatException e) {
      ZipException z = new ZipException("invalid deflate data in gzip body");
      z.initCause(e);
      throw z;
    }
  }

  /** Returns the header's length, or -1 if more bytes are needed. */
  private static int headerLength(byte[] d, int start) throws ZipException {
    int avail = d.length - start;
    if (avail < 10) {
      if (avail >= 1 && (d[start] & 0xff) != 0x1f || avail >= 2 && (d[start + 1] & 0xff) != 0x8b) {
        throw new ZipException("not gzip data (bad magic number)");
      }
      return -1;
    }
    if ((d[start] & 0xff) != 0x1f || (d[start + 1] & 0xff) != 0x8b) {
      throw new ZipException("not gzip data (bad magic number)");
    }
    if ((d[start + 2] & 0xff) != 8) {
      throw new ZipException("unsupported gzip compression method " + (d[start + 2] & 0xff));
    }
    int flags = d[start + 3] & 0xff;
    int p = start + 10;
    if ((flags & FEXTRA) != 0) {
      if (d.length - p < 2) {
        return -1;
      }
      int xlen = (d[p] & 0xff) | (d[p + 1] & 0xff) << 8;
      p += 2 + xlen;
      if (p > d.length) {
        return -1;
      }
    }
    for (int flag : new int[] {FNAME, FCOMMENT}) {
      if ((flags & flag) != 0) {
        while (p < d.length && d[p] != 0) {
          p++;
        }
        if (p >= d.length) {
          return -1;
        }
        p++;
      }
    }
    if ((flags & FHCRC) != 0) {
      p += 2;
      if (p > d.length) {
        return -1;
      }
    }
    return p - start;
  }

  private static long readIntLe(byte[] d, int p) {
    return (d[p] & 0xffL) | (d[p + 1] & 0xffL) << 8 | (d[p + 2] & 0xffL) << 16 | (d[p + 3] & 0xffL) << 24;
  }
}
