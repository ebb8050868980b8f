package dev.forcelink.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {
  private static final String UUID_V8 =
      "[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @Test
  void randomKeysAreVersion4UuidsAndDiffer() {
    IdempotencyKey a = IdempotencyKey.random();
    IdempotencyKey b = IdempotencyKey.random();

    assertThat(UUID.fromString(a.value()).version()).isEqualTo(4);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void derivedKeysAreVersion8UuidsThatDependOnlyOnTheInputs() {
    IdempotencyKey key = IdempotencyKey.derived("order-sync", "ORD-1", "3");

    assertThat(key.value()).matches(UUID_V8);
    assertThat(UUID.fromString(key.value()).version()).isEqualTo(8);
    assertThat(UUID.fromString(key.value()).variant()).isEqualTo(2);
    assertThat(IdempotencyKey.derived("order-sync", "ORD-1", "3")).isEqualTo(key);
    assertThat(key.toString()).isEqualTo(key.value());
  }

  @Test
  void derivedKeysMatchTheDocumentedDerivation() {
    // Keys outlive processes, so the derivation must never change. Expected value computed outside
    // Java: SHA-256("dev.forcelink.idempotency-key.v1" + u32(10) "order-sync" + u32(5) "ORD-1"),
    // first 16 bytes, version nibble 8, variant bits 10.
    assertThat(IdempotencyKey.derived("order-sync", "ORD-1").value())
        .isEqualTo("62e2b8d3-a183-8bd6-9c9a-122d4740e553");
  }

  @Test
  void derivedKeysTellApartDifferentSplitsNamespacesAndEmptyParts() {
    assertThat(IdempotencyKey.derived("ns", "ab", "c"))
        .isNotEqualTo(IdempotencyKey.derived("ns", "a", "bc"));
    assertThat(IdempotencyKey.derived("ns", "a"))
        .isNotEqualTo(IdempotencyKey.derived("ns", "a", ""));
    assertThat(IdempotencyKey.derived("ns1", "a")).isNotEqualTo(IdempotencyKey.derived("ns", "1a"));
    assertThat(IdempotencyKey.derived("ns", "a"))
        .isNotEqualTo(IdempotencyKey.derived("other", "a"));
  }

  @Test
  void derivedRejectsMissingInputsClearly() {
    assertThatThrownBy(() -> IdempotencyKey.derived(" ", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespace")
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> IdempotencyKey.derived("ns"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one business key part");
    assertThatThrownBy(() -> IdempotencyKey.derived("ns", "a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("businessKeyParts[1]");
    assertThatThrownBy(() -> IdempotencyKey.derived(null, "a"))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void derivedRejectsUnpairedSurrogatesThatWouldCollideWithAQuestionMark() {
    assertThatThrownBy(() -> IdempotencyKey.derived("ns", "a", "x\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("businessKeyParts[1] holds an unpaired surrogate");
  }

  @Test
  void ofAcceptsPrintableAsciiUpTo255Characters() {
    String longest = "k".repeat(255);

    assertThat(IdempotencyKey.of(longest).value()).isEqualTo(longest);
    assertThat(IdempotencyKey.of("a b~!").value()).isEqualTo("a b~!");
    assertThat(IdempotencyKey.of("x"))
        .isEqualTo(IdempotencyKey.of("x"))
        .hasSameHashCodeAs(IdempotencyKey.of("x"));
  }

  @Test
  void ofRejectsBadKeysSayingWhatIsWrong() {
    assertThatThrownBy(() -> IdempotencyKey.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 255 characters, got 0");
    assertThatThrownBy(() -> IdempotencyKey.of("k".repeat(256)))
        .hasMessageContaining("1 to 255 characters, got 256");
    assertThatThrownBy(() -> IdempotencyKey.of("abc\ndef"))
        .hasMessageContaining("found U+000A at position 4");
    assertThatThrownBy(() -> IdempotencyKey.of("clé"))
        .hasMessageContaining("found U+00E9 at position 3");
    assertThatThrownBy(() -> IdempotencyKey.of(" key"))
        .hasMessageContaining("must not start or end with a space");
    assertThatThrownBy(() -> IdempotencyKey.of("key "))
        .hasMessageContaining("must not start or end with a space");
    assertThatThrownBy(() -> IdempotencyKey.of(null)).isInstanceOf(NullPointerException.class);
  }
}
