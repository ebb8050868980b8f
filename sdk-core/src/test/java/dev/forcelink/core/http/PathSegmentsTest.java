package dev.forcelink.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathSegmentsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "001A0000006Vm9rIAC | 001A0000006Vm9rIAC",
        "a-b.c_d~e | a-b.c_d~e",
        "a/b | a%2Fb",
        "a?b#c | a%3Fb%23c",
        "100% | 100%25",
        "%2F | %252F",
        "jane@example.com | jane%40example.com",
        "a b+c | a%20b%2Bc",
        "é | %C3%A9",
        "😀 | %F0%9F%98%80",
        "..a | ..a",
      })
  void encodesEverythingButUnreservedCharactersAsUtf8(String value, String expected) {
    assertThat(PathSegments.encode(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({".,%2E", "..,%2E%2E", "...,%2E%2E%2E"})
  void encodesDotOnlySegmentsSoThatNormalisationCannotRemoveThem(String value, String expected) {
    assertThat(PathSegments.encode(value)).isEqualTo(expected);
  }

  @Test
  void rejectsEmptyAndNullValuesClearly() {
    assertThatThrownBy(() -> PathSegments.encode(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> PathSegments.encode(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("must not be null");
  }

  @Test
  void rejectsUnpairedSurrogatesInsteadOfEncodingAReplacementCharacter() {
    assertThatThrownBy(() -> PathSegments.encode("ab\uD83D"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate character at index 2");
    assertThatThrownBy(() -> PathSegments.encode("\uDE00x")).hasMessageContaining("at index 0");
  }

  @Test
  void joinsEncodedSegmentsIntoAnAbsolutePath() {
    assertThat(PathSegments.join("sobjects", "Account", "Ext__c", "a/b?c"))
        .isEqualTo("/sobjects/Account/Ext__c/a%2Fb%3Fc");
    assertThat(PathSegments.join("..")).isEqualTo("/%2E%2E");
  }

  @Test
  void joinNamesTheSegmentItRejects() {
    assertThatThrownBy(() -> PathSegments.join("sobjects", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Path segment 1: ")
        .hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> PathSegments.join("sobjects", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("path segment 1");
    assertThatThrownBy(PathSegments::join)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one segment");
  }
}
