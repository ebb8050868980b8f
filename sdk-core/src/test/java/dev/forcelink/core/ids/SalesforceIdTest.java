package dev.forcelink.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceIdTest {

  @ParameterizedTest
  @CsvSource({
    // No upper-case letter in any chunk: 0,0,0 -> A,A,A.
    "001000000000001, 001000000000001AAA",
    // 001A0 has 'A' at bit 3 -> 8 -> I; 00000 -> A; 6Vm9r has 'V' at bit 1 -> 2 -> C.
    "001A0000006Vm9r, 001A0000006Vm9rIAC",
    // XyZAb: X bit 0, Z bit 2, A bit 3 -> 1+4+8 = 13 -> N.
    "0015000000XyZAb, 0015000000XyZAbAAN",
    // Every character upper case: 31 -> '5' in each chunk.
    "ABCDEFGHIJKLMNO, ABCDEFGHIJKLMNO555",
  })
  void computesTheChecksumOfKnownIds(String id15, String id18) {
    assertThat(SalesforceId.checksum(id15)).isEqualTo(id18.substring(15));
    assertThat(SalesforceId.parse(id15).to18()).isEqualTo(id18);
    assertThat(SalesforceId.parse(id18).to15()).isEqualTo(id15);
    assertThat(SalesforceId.parse(id18)).isEqualTo(SalesforceId.parse(id15));
  }

  @Test
  void fifteenAndEighteenCharacterFormsOfOneRecordAreEqual() {
    SalesforceId short15 = SalesforceId.parse("001A0000006Vm9r");
    SalesforceId long18 = SalesforceId.parse("001A0000006Vm9rIAC");

    assertThat(short15).isEqualTo(long18).hasSameHashCodeAs(long18);
    assertThat(short15.toString()).isEqualTo("001A0000006Vm9rIAC");
    assertThat(short15.keyPrefix()).isEqualTo("001");
  }

  @Test
  void comparesTheSuffixIgnoringCaseAndPrintsItUpperCase() {
    SalesforceId id = SalesforceId.parse("001A0000006Vm9riac");

    assertThat(id.to18()).isEqualTo("001A0000006Vm9rIAC");
    assertThat(id).isEqualTo(SalesforceId.parse("001A0000006Vm9rIAC"));
  }

  @Test
  void fifteenCharacterIdsAreCaseSensitive() {
    SalesforceId lower = SalesforceId.parse("001a0000006Vm9r");
    SalesforceId upper = SalesforceId.parse("001A0000006Vm9r");

    assertThat(lower).isNotEqualTo(upper);
    assertThat(lower.to18()).isEqualTo("001a0000006Vm9rAAC");
  }

  @Test
  void rejectsAnEighteenCharacterIdWhoseCaseWasLostInsteadOfRepairingIt() {
    // 6VM9R: V bit 1, M bit 2, R bit 4 -> 2+4+16 = 22 -> W, so the suffix IAC no longer fits.
    assertThatThrownBy(() -> SalesforceId.parse("001A0000006VM9RIAC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wrong checksum")
        .hasMessageContaining("expected IAW found IAC");
    assertThat(SalesforceId.isValid("001a0000006vm9rIAC")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00100000000001",
        "0010000000000012",
        "00100000000000123",
        "0010000000000012345"
      })
  void rejectsWrongLengthsSayingWhatTheLengthWas(String id) {
    assertThatThrownBy(() -> SalesforceId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15 or 18 characters, got " + id.length());
    assertThat(SalesforceId.isValid(id)).isFalse();
  }

  @Test
  void namesTheOneBasedPositionOfAnInvalidCharacter() {
    assertThatThrownBy(() -> SalesforceId.parse("001-00000000001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid character '-' (U+002D) at position 4");
    assertThatThrownBy(() -> SalesforceId.parse("00100000000000é"))
        .hasMessageContaining("invalid character U+00E9 at position 15");
    assertThatThrownBy(() -> SalesforceId.parse("001000000000001AA!"))
        .hasMessageContaining("at position 18");
  }

  @Test
  void reportsTheExpectedAndFoundChecksum() {
    assertThatThrownBy(() -> SalesforceId.parse("001000000000001AAB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected AAA found AAB");
  }

  @Test
  void cutsLongInputShortInMessages() {
    String huge = "x".repeat(10_000);

    assertThatThrownBy(() -> SalesforceId.parse(huge))
        .hasMessageContaining("got 10000")
        .hasMessageContaining("(10000 characters)")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  @Test
  void rejectsNullWhenParsingButNotWhenAsked() {
    assertThatThrownBy(() -> SalesforceId.parse(null)).isInstanceOf(NullPointerException.class);
    assertThat(SalesforceId.isValid(null)).isFalse();
    assertThat(SalesforceId.isValid("001000000000001AAA")).isTrue();
  }

  @Test
  void checksumRejectsAnythingButFifteenAlphanumerics() {
    assertThatThrownBy(() -> SalesforceId.checksum("001000000000001AAA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15-character")
        .hasMessageContaining("got 18");
    assertThatThrownBy(() -> SalesforceId.checksum("00100000000000 "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at position 15");
    assertThatThrownBy(() -> SalesforceId.checksum(null)).isInstanceOf(NullPointerException.class);
  }
}
