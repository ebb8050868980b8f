package dev.forcelink.testkit.internal.soql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoqlStringLiteralsTest {

    @Test
    void quoteEscapesReservedAndControlCharacters() {
        assertThat(SoqlStringLiterals.quote("O'Brien \\ \n\r\t\b\f \u0001 \"%_"))
                .isEqualTo("'O\\'Brien \\\\ \\n\\r\\t\\b\\f \\u0001 \"%_'");
    }

    @Test
    void quoteLikeAlsoEscapesWildcards() {
        assertThat(SoqlStringLiterals.quoteLike("100%_o'k")).isEqualTo("'100\\%\\_o\\'k'");
    }

    @Test
    void emptyStringQuotesToEmptyLiteral() {
        assertThat(SoqlStringLiterals.quote("")).isEqualTo("''");
    }
}
