package dev.forcelink.core.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.ids.SalesforceId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoqlTest {

  @Test
  void quoteEscapesQuotesBackslashesAndControlCharacters() {
    assertThat(Soql.quote("O'Brien")).isEqualTo("'O\\'Brien'");
    assertThat(Soql.quote("C:\\temp")).isEqualTo("'C:\\\\temp'");
    assertThat(Soql.quote("say \"hi\"")).isEqualTo("'say \\\"hi\\\"'");
    assertThat(Soql.quote("a\nb\rc\td\be\ff")).isEqualTo("'a\\nb\\rc\\td\\be\\ff'");
    assertThat(Soql.quote("bell\u0007")).isEqualTo("'bell\\u0007'");
    assertThat(Soql.quote("100%_x")).isEqualTo("'100%_x'");
    assertThat(Soql.quote("")).isEqualTo("''");
    assertThat(Soql.quote("Zoë")).isEqualTo("'Zoë'");
  }

  @Test
  void quoteRejectsNullAndPointsToTheSoqlNull() {
    assertThatThrownBy(() -> Soql.quote(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Soql.literal(null)");
  }

  @Test
  void likeHelpersEscapeWildcardsInTheValueAndAddTheirOwn() {
    assertThat(Soql.quoteLike("100%_done")).isEqualTo("'100\\%\\_done'");
    assertThat(Soql.likeContains("a_b")).isEqualTo("'%a\\_b%'");
    assertThat(Soql.likeStartsWith("Acme")).isEqualTo("'Acme%'");
    assertThat(Soql.likeEndsWith(".com")).isEqualTo("'%.com'");
    assertThat(Soql.likeContains("O'Brien\\")).isEqualTo("'%O\\'Brien\\\\%'");
    assertThatThrownBy(() -> Soql.quoteLike(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void writesScalarLiterals() {
    assertThat(Soql.literal(null)).isEqualTo("null");
    assertThat(Soql.literal("x'y")).isEqualTo("'x\\'y'");
    assertThat(Soql.literal(true)).isEqualTo("true");
    assertThat(Soql.literal(Boolean.FALSE)).isEqualTo("false");
    assertThat(Soql.literal((byte) -3)).isEqualTo("-3");
    assertThat(Soql.literal((short) 7)).isEqualTo("7");
    assertThat(Soql.literal(42)).isEqualTo("42");
    assertThat(Soql.literal(-9_000_000_000L)).isEqualTo("-9000000000");
    assertThat(Soql.literal(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
  }

  @Test
  void writesDecimalsInPlainNotation() {
    assertThat(Soql.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Soql.literal(new BigDecimal("0.000001"))).isEqualTo("0.000001");
    assertThat(Soql.literal(new BigDecimal("-12.50"))).isEqualTo("-12.50");
    assertThat(Soql.literal(1e20)).isEqualTo("100000000000000000000");
    assertThat(Soql.literal(1.5e-7)).isEqualTo("0.00000015");
    assertThat(Soql.literal(0.1)).isEqualTo("0.1");
    assertThat(Soql.literal(0.1f)).isEqualTo("0.1");
    assertThat(Soql.literal(-2.5)).isEqualTo("-2.5");
  }

  @Test
  void rejectsNumbersSoqlCannotWrite() {
    assertThatThrownBy(() -> Soql.literal(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no literal for NaN");
    assertThatThrownBy(() -> Soql.literal(Double.POSITIVE_INFINITY))
        .hasMessageContaining("no literal for Infinity");
    assertThatThrownBy(() -> Soql.literal(Float.NEGATIVE_INFINITY))
        .hasMessageContaining("no literal for -Infinity");
  }

  @Test
  void writesDatesAndDateTimesInUtc() {
    assertThat(Soql.literal(LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
    assertThat(Soql.literal(Instant.parse("2024-01-31T10:00:00Z")))
        .isEqualTo("2024-01-31T10:00:00Z");
    assertThat(Soql.literal(OffsetDateTime.of(2024, 1, 31, 12, 0, 0, 0, ZoneOffset.ofHours(2))))
        .isEqualTo("2024-01-31T10:00:00Z");
    // Paris is UTC+1 in January; crossing midnight moves the date back too.
    assertThat(Soql.literal(ZonedDateTime.of(2024, 2, 1, 0, 30, 0, 0, ZoneId.of("Europe/Paris"))))
        .isEqualTo("2024-01-31T23:30:00Z");
    assertThat(Soql.literal(Instant.parse("2024-01-31T10:00:00.999Z")))
        .isEqualTo("2024-01-31T10:00:00Z");
  }

  @Test
  void rejectsDatesWithoutAFourDigitYear() {
    assertThatThrownBy(() -> Soql.literal(LocalDate.of(10_000, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("four-digit year");
    assertThatThrownBy(() -> Soql.literal(Instant.MAX)).hasMessageContaining("four-digit year");
    assertThatThrownBy(() -> Soql.literal(Instant.parse("0000-12-31T23:59:59Z")))
        .hasMessageContaining("four-digit year");
  }

  @Test
  void writesIdsAsQuotedEighteenCharacterIds() {
    assertThat(Soql.literal(SalesforceId.parse("001A0000006Vm9r")))
        .isEqualTo("'001A0000006Vm9rIAC'");
  }

  @Test
  void writesCollectionsAsInLists() {
    assertThat(Soql.literal(List.of("a", "b'c"))).isEqualTo("('a','b\\'c')");
    assertThat(Soql.literal(new LinkedHashSet<>(List.of(1, 2, 3)))).isEqualTo("(1,2,3)");
    assertThat(Soql.literal(List.of(LocalDate.of(2024, 1, 31)))).isEqualTo("(2024-01-31)");
  }

  @Test
  void rejectsCollectionsSoqlCannotWrite() {
    assertThatThrownBy(() -> Soql.literal(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs at least one value");
    assertThatThrownBy(() -> Soql.literal(Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold null (element 1)");
    assertThatThrownBy(() -> Soql.literal(List.of(List.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold another collection (element 0)");
  }

  @Test
  void rejectsUnsupportedTypesNamingThem() {
    assertThatThrownBy(() -> Soql.literal(new Date()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.util.Date")
        .hasMessageContaining("Supported:");
    assertThatThrownBy(() -> Soql.literal(LocalDateTime.of(2024, 1, 31, 10, 0)))
        .hasMessageContaining("java.time.LocalDateTime");
    assertThatThrownBy(() -> Soql.literal(List.of(new Object())))
        .hasMessageContaining("java.lang.Object");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Name",
        "Id",
        "Custom__c",
        "My_Field__c",
        "ns__Field__c",
        "Account.Owner.Name",
        "Parent__r.Custom__c",
        "ns__Parent__r.ns__Amount__c",
        "Order_Event__e",
        "AccountChangeEvent",
        "X1"
      })
  void acceptsApiNamesAndRelationshipPaths(String name) {
    assertThat(Soql.identifier(name)).isSameAs(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Name; DELETE",
        "Name'",
        "Name)",
        "Na me",
        "Name--",
        "Name/*x*/",
        "1Name",
        "_Name",
        "Name_",
        "Name__",
        "Name___c",
        "a__b__c__d",
        "Account.",
        ".Name",
        "Account..Name",
        "Nämé"
      })
  void rejectsAnythingThatIsNotAnApiName(String name) {
    assertThatThrownBy(() -> Soql.identifier(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a valid SOQL identifier: '")
        .hasMessageContaining("Use an API name such as");
  }

  @Test
  void identifierRejectsNullAndShowsControlCharactersEscaped() {
    assertThatThrownBy(() -> Soql.identifier(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Soql.identifier("Name\nOR")).hasMessageContaining("'Name\\u000AOR'");
  }
}
