package dev.forcelink.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class GzipDecoderTest {

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] decodeInChunks(byte[] compressed, int chunk, GzipDecoder d) throws ZipException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < compressed.length; i += chunk) {
      int n = Math.min(chunk, compressed.length - i);
      for (ByteBuffer b : d.decode(ByteBuffer.wrap(compressed, i, n))) {
        byte[] x = new byte[b.remaining()];
        b.get(x);
        out.write(x, 0, x.length);
      }
    }
    return out.toByteArray();
  }

  @Test
  void decodesAnyChunkingIncludingOneByteAtATime() throws IOException {
    byte[] data = new byte[100_000];
    new Random(7).nextBytes(data);
    System.arraycopy("some text ".repeat(2000).getBytes(StandardCharsets.UTF_8), 0, data, 0, 20_000);
    byte[] compressed = gzip(data);
    for (int chunk : new int[] {1, 3, 10, 8192, compressed.length}) {
      GzipDecoder d = new GzipDecoder();
      assertThat(decodeInChunks(compressed, chunk, d)).as("chunk %d", chunk).isEqualTo(data);
      assertThat(d.isComplete()).isTrue();
      d.end();
    }
  }

  @Test
  void decodesConcatenatedMembersAndHeaderFlags() throws IOException {
    ByteArrayOutputStream two = new ByteArrayOutputStream();
    two.write(gzip("hello ".getBytes(StandardCharsets.UTF_8)));
    two.write(gzip("world".getBytes(StandardCharsets.UTF_8)));
    GzipDecoder d = new GzipDecoder();
    assertThat(new String(decodeInChunks(two.toByteArray(), 5, d), StandardCharsets.UTF_8)).isEqualTo("hello world");
    assertThat(d.isComplete()).isTrue();

    byte[] plain = gzip("named".getBytes(StandardCharsets.UTF_8));
    // Rebuild the header with FNAME and FCOMMENT set.
    ByteArrayOutputStream named = new ByteArrayOutputStream();
    named.write(plain, 0, 3);
    named.write(plain[3] | 8 | 16);
    named.write(plain, 4, 6);
    named.write("file.txt\0a comment\0".getBytes(StandardCharsets.US_ASCII));
    named.write(plain, 10, plain.length - 10);
    GzipDecoder d2 = new GzipDecoder();
    assertThat(new String(decodeInChunks(named.toByteArray(), 2, d2), StandardCharsets.UTF_8)).isEqualTo("named");
  }

  @Test
  void reportsTruncationCorruptionAndNonGzip() throws IOException {
    byte[] compressed = gzip("0123456789".repeat(100).getBytes(StandardCharsets.UTF_8));
    GzipDecoder truncated = new GzipDecoder();
    decodeInChunks(java.util.Arrays.copyOf(compressed, compressed.length - 4), 16, truncated);
    assertThat(truncated.isComplete()).isFalse();

    byte[] badCrc = compressed.clone();
    badCrc[badCrc.length - 6] ^= 0x55;
    assertThatThrownBy(() -> decodeInChunks(badCrc, 16, new GzipDecoder())).isInstanceOf(ZipException.class);
    assertThatThrownBy(() -> decodeInChunks("{\"plain\":true}".getBytes(StandardCharsets.UTF_8), 4, new GzipDecoder()))
        .isInstanceOf(ZipException.class).hasMessageContaining("not gzip");
    assertThat(new GzipDecoder().isComplete()).as("an empty body is complete").isTrue();
  }
}
