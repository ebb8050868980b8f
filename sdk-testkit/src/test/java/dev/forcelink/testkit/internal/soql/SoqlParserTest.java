package dev.forcelink.testkit.internal.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoqlParserTest {

    private static SoqlException parseError(String soql) {
        try {
            SoqlParser.parse(soql);
        } catch (SoqlException e) {
            return e;
        }
        throw new AssertionError("expected a parse error for " + soql);
    }

    private static SoqlAst.Value firstValue(String soql) {
        SoqlAst.Comparison comparison = (SoqlAst.Comparison) SoqlParser.parse(soql).select().where();
        return comparison.values().get(0);
    }

    @Test
    void misspelledKeywordIsReportedWithCaretRowAndColumn() {
        SoqlException e = parseError("SELECT Id FORM Account");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.MALFORMED_QUERY);
        assertThat(e.getMessage()).isEqualTo(
                "\nSELECT Id FORM Account\n          ^\nERROR at Row:1:Column:11\nunexpected token: FORM");
    }

    @Test
    void rowAndColumnCountLinesOfAMultiLineQuery() {
        SoqlException e = parseError("SELECT Id\nFROM Account\nWHERE Name = 'x' LIMT 5");

        assertThat(e.getMessage()).isEqualTo(
                "\nWHERE Name = 'x' LIMT 5\n                 ^\nERROR at Row:3:Column:18\nunexpected token: LIMT");
    }

    @Test
    void trailingTokenIsRejected() {
        assertThat(parseError("SELECT Id FROM Account LIMIT 5 5").getMessage())
                .endsWith("ERROR at Row:1:Column:32\nunexpected token: 5");
    }

    @Test
    void endOfInputIsNamedEof() {
        assertThat(parseError("SELECT Id FROM").getMessage())
                .isEqualTo("\nSELECT Id FROM\n              ^\nERROR at Row:1:Column:15\nunexpected token: <EOF>");
    }

    @Test
    void longLinesShowAWindowEndingAtTheCaret() {
        String soql = "SELECT Id, Name FROM Account WHERE Name = 'Acme' AND Industry = 'Energy' OR Name = 'x'";
        SoqlException e = parseError(soql);

        int column = soql.indexOf(" OR ") + 2;
        // 40 columns before the caret land inside WHERE, so the snippet starts at that word
        assertThat(e.getMessage()).isEqualTo("\nWHERE Name = 'Acme' AND Industry = 'Energy' OR Name = 'x'\n"
                + " ".repeat(44) + "^\nERROR at Row:1:Column:" + column + "\nunexpected token: OR");
    }

    @Test
    void mixingAndWithOrWithoutParenthesesIsRejectedAsSalesforceDoes() {
        assertThat(parseError("SELECT Id FROM Account WHERE Name = 'a' OR Name = 'b' AND Name = 'c'").getMessage())
                .endsWith("unexpected token: AND");
        assertThat(parseError("SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'").getMessage())
                .endsWith("unexpected token: OR");
    }

    @Test
    void parenthesesGroupMixedOperators() {
        SoqlAst.Condition where = SoqlParser.parse(
                "SELECT Id FROM Account WHERE Name = 'a' OR (Name = 'b' AND Name = 'c')").select().where();

        assertThat(where).isInstanceOf(SoqlAst.Or.class);
        assertThat(((SoqlAst.Or) where).operands().get(1)).isInstanceOf(SoqlAst.And.class);
    }

    @Test
    void notDirectlyAfterAndIsRejectedButAllowedInParentheses() {
        assertThat(parseError("SELECT Id FROM Account WHERE Name = 'a' AND NOT (Name = 'b')").getMessage())
                .endsWith("unexpected token: NOT");
        assertThat(SoqlParser.parse("SELECT Id FROM Account WHERE Name = 'a' AND (NOT Name = 'b')").select().where())
                .isInstanceOf(SoqlAst.And.class);
    }

    @Test
    void stringEscapesDecode() {
        SoqlAst.Value value = firstValue(
                "SELECT Id FROM Account WHERE Name = 'a\\nb\\rc\\td\\be\\ff\\\"g\\'h\\\\i\\u00e9j'");

        assertThat(value.value()).isEqualTo("a\nb\rc\td\be\ff\"g'h\\i\u00e9j");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\q", "\\%", "\\_", "\\u12", "\\u12g4", "\\"})
    void illegalEscapesAreMalformed(String escape) {
        SoqlException e = parseError("SELECT Id FROM Account WHERE Name = 'x" + escape + "'");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.MALFORMED_QUERY);
    }

    @Test
    void illegalEscapeMessageNamesTheSequence() {
        assertThat(parseError("SELECT Id FROM Account WHERE Name = 'a\\qb'").getMessage()).isEqualTo(
                "\nSELECT Id FROM Account WHERE Name = 'a\\qb'\n" + " ".repeat(36)
                        + "^\nERROR at Row:1:Column:37\nInvalid string literal 'a\\qb'. Illegal character sequence "
                        + "'\\q' in string literal.");
    }

    @Test
    void unterminatedStringIsMalformed() {
        SoqlException e = parseError("SELECT Id FROM Account WHERE Name = 'abc");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.MALFORMED_QUERY);
        assertThat(e.getMessage()).endsWith("ERROR at Row:1:Column:41\nline 1:41 mismatched character '<EOF>' "
                + "expecting '''");
    }

    @Test
    void doubleQuotedStringsAreNotSoql() {
        assertThat(parseError("SELECT Id FROM Account WHERE Name = \"x\"").getMessage())
                .endsWith("ERROR at Row:1:Column:37\nline 1:37 no viable alternative at character '\"'");
    }

    @Test
    void dateAndDateTimeLiterals() {
        assertThat(firstValue("SELECT Id FROM Account WHERE d = 2024-01-31").value())
                .isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(firstValue("SELECT Id FROM Account WHERE d = 2024-01-31T10:00:00Z").value())
                .isEqualTo(Instant.parse("2024-01-31T10:00:00Z"));
        assertThat(firstValue("SELECT Id FROM Account WHERE d = 2024-01-31T10:00:00+01:00").value())
                .isEqualTo(Instant.parse("2024-01-31T09:00:00Z"));
        assertThat(firstValue("SELECT Id FROM Account WHERE d = 2024-01-31T10:00:00.000+0000").value())
                .isEqualTo(Instant.parse("2024-01-31T10:00:00Z"));
        assertThat(firstValue("SELECT Id FROM Account WHERE d = 2024-01-31T10:00:00.25-05:30").value())
                .isEqualTo(Instant.parse("2024-01-31T15:30:00.250Z"));
    }

    @Test
    void dateTimeWithoutZoneFailsWhereTheZoneShouldBe() {
        assertThat(parseError("SELECT Id FROM Account WHERE d < 2016-07-31T04:17:54").getMessage())
                .endsWith("ERROR at Row:1:Column:53\nline 1:53 no viable alternative at character '<EOF>'");
    }

    @ParameterizedTest
    @CsvSource({"2024-02-30,Invalid date: 2024-02-30", "2024-13-01,Invalid date: 2024-13-01",
        "2024-01-01T25:00:00Z,Invalid datetime: 2024-01-01T25:00:00Z"})
    void impossibleDatesAreMalformed(String literal, String detail) {
        SoqlException e = parseError("SELECT Id FROM Account WHERE d = " + literal);

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.MALFORMED_QUERY);
        assertThat(e.getMessage()).endsWith("ERROR at Row:1:Column:34\n" + detail);
    }

    @Test
    void numbersMayBeNegativeAndDecimal() {
        assertThat(firstValue("SELECT Id FROM Account WHERE n > -12.50").value()).hasToString("-12.50");
    }

    @Test
    void dateConstantsParseWithTheirArgument() {
        SoqlAst.Value value = firstValue("SELECT Id FROM Account WHERE d = last_n_days:30");

        assertThat(value.value()).isEqualTo(new SoqlAst.DateConstantValue(DateConstant.LAST_N_DAYS, 30));
    }

    @Test
    void unknownDateConstantIsMalformed() {
        SoqlException e = parseError("SELECT Id FROM Account WHERE d = LAST_FORTNIGHT");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.MALFORMED_QUERY);
        assertThat(e.getMessage()).endsWith("ERROR at Row:1:Column:34\nunexpected token: LAST_FORTNIGHT");
    }

    @Test
    void dateConstantNeedingAnArgumentWithoutOneIsMalformed() {
        assertThat(parseError("SELECT Id FROM Account WHERE d = LAST_N_DAYS").getMessage())
                .endsWith("unexpected token: <EOF>");
        assertThat(parseError("SELECT Id FROM Account WHERE d = LAST_N_DAYS:x").getMessage())
                .endsWith("unexpected token: x");
    }

    @Test
    void limitAndOffsetMustBeWholeNonNegativeNumbers() {
        assertThat(parseError("SELECT Id FROM Account LIMIT 1.5").getMessage()).endsWith("unexpected token: 1.5");
        assertThat(parseError("SELECT Id FROM Account LIMIT -1").getMessage()).endsWith("unexpected token: -1");
        assertThat(parseError("SELECT Id FROM Account OFFSET 'a'").getMessage()).endsWith("unexpected token: 'a'");
    }

    @Test
    void subqueriesAreOnlyAllowedAtTopLevel() {
        assertThat(parseError("SELECT Id, (SELECT Id, (SELECT Id FROM Cases) FROM Contacts) FROM Account")
                .getMessage()).endsWith("unexpected token: (");
    }

    @Test
    void parsedQueryKeepsItsTextAndObject() {
        SoqlQuery query = SoqlParser.parse("SELECT Id FROM account");

        assertThat(query.text()).isEqualTo("SELECT Id FROM account");
        assertThat(query.fromObject()).isEqualTo("account");
    }

    @Test
    void nullTextIsRejected() {
        assertThatThrownBy(() -> SoqlParser.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
