package dev.forcelink.core.idempotency;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * A key that marks one logical operation, made once and sent unchanged on every attempt of that
 * operation so that the receiver can recognise a repeat (for example the UI API's {@code
 * Idempotency-Key} header).
 *
 * <p>A key is 1 to 255 printable ASCII characters ({@code U+0020}–{@code U+007E}) and does not
 * start or end with a space, since HTTP drops such spaces from header values. Make one with {@link
 * #random()} for a fresh operation, {@link #derived(String, String...)} when the same business
 * operation must always get the same key (for example across process restarts), or {@link
 * #of(String)} to wrap a key from elsewhere.
 *
 * <p>Instances are immutable and thread-safe; two keys are equal when their values are equal.
 */
public final class IdempotencyKey {
  /** The longest key accepted, the common limit of services that take such keys. */
  public static final int MAX_LENGTH = 255;

  /** Separates these derivations from any other use of SHA-256 over similar input. */
  private static final byte[] DERIVATION_LABEL =
      "dev.forcelink.idempotency-key.v1".getBytes(StandardCharsets.US_ASCII);

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final String value;

  private IdempotencyKey(String value) {
    this.value = value;
  }

  /**
   * Makes a fresh random key, a version 4 UUID such as {@code
   * 3b241101-e2bb-4255-8caf-4136c566a962}.
   *
   * @return a new key, different from every other with overwhelming probability
   */
  public static IdempotencyKey random() {
    return new IdempotencyKey(UUID.randomUUID().toString());
  }

  /**
   * Derives a key from a namespace and the parts of a business key. The same inputs always give the
   * same key; different inputs give different keys, including inputs that only differ in where the
   * parts are split ({@code ("ab", "c")} and {@code ("a", "bc")}).
   *
   * <p>The namespace and each part are encoded as UTF-8, each preceded by its length as a four-byte
   * big-endian number; the ASCII label {@code dev.forcelink.idempotency-key.v1} followed by those
   * bytes is hashed with SHA-256, and the first 128 bits are written as an RFC 9562 version 8 UUID
   * (lower-case, such as {@code 6a1c…-…-8…-…}).
   *
   * @param namespace what kind of operation the key is for, such as {@code "order-sync"}; keeps
   *     keys of different operations on the same business key apart
   * @param businessKeyParts the values that identify the operation, such as an order number and a
   *     line number; at least one
   * @return the derived key
   * @throws NullPointerException if {@code namespace}, the array or any part is null
   * @throws IllegalArgumentException if {@code namespace} is blank, no part is given, or a string
   *     holds an unpaired surrogate character (it is not valid text and has no UTF-8 form)
   */
  public static IdempotencyKey derived(String namespace, String... businessKeyParts) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(businessKeyParts, "businessKeyParts");
    if (namespace.isBlank()) {
      throw new IllegalArgumentException(
          "The namespace of a derived idempotency key must not be blank");
    }
    if (businessKeyParts.length == 0) {
      throw new IllegalArgumentException(
          "A derived idempotency key needs at least one business key part; with none, every"
              + " operation in the namespace would share one key");
    }
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes(DERIVATION_LABEL);
    appendLengthPrefixed(input, namespace, "namespace");
    for (int i = 0; i < businessKeyParts.length; i++) {
      Objects.requireNonNull(businessKeyParts[i], "businessKeyParts[" + i + "]");
      appendLengthPrefixed(input, businessKeyParts[i], "businessKeyParts[" + i + "]");
    }
    return new IdempotencyKey(formatVersion8(sha256(input.toByteArray())));
  }

  /**
   * Wraps a key supplied by the caller.
   *
   * @param value the key
   * @return the key
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is empty, longer than {@value #MAX_LENGTH}
   *     characters, holds a character outside printable ASCII (the message gives its position), or
   *     starts or ends with a space
   */
  public static IdempotencyKey of(String value) {
    Objects.requireNonNull(value, "idempotency key");
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "An idempotency key has 1 to " + MAX_LENGTH + " characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw new IllegalArgumentException(
            String.format(
                "An idempotency key holds only printable ASCII characters; found U+%04X at position"
                    + " %d",
                (int) c, i + 1));
      }
    }
    if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
      throw new IllegalArgumentException(
          "An idempotency key must not start or end with a space: HTTP would drop it from the"
              + " header value");
    }
    return new IdempotencyKey(value);
  }

  /**
   * Returns the key as sent on the wire.
   *
   * @return the key
   */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdempotencyKey && ((IdempotencyKey) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * Returns the key, as {@link #value()}; keys are not secret.
   *
   * @return the key
   */
  @Override
  public String toString() {
    return value;
  }

  private static void appendLengthPrefixed(ByteArrayOutputStream out, String text, String name) {
    byte[] bytes = strictUtf8(text, name);
    out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  /** Encodes as UTF-8, refusing unpaired surrogates that a lenient encoder would turn into '?'. */
  private static byte[] strictUtf8(String text, String name) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          name + " holds an unpaired surrogate character and is not valid text", e);
    }
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }

  private static String formatVersion8(byte[] hash) {
    byte[] b = new byte[16];
    System.arraycopy(hash, 0, b, 0, 16);
    b[6] = (byte) ((b[6] & 0x0F) | 0x80); // version 8
    b[8] = (byte) ((b[8] & 0x3F) | 0x80); // variant 10xx (RFC 9562)
    StringBuilder out = new StringBuilder(36);
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        out.append('-');
      }
      out.append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]);
    }
    return out.toString();
  }
}
