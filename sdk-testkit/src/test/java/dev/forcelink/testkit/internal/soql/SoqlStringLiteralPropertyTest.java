package dev.forcelink.testkit.internal.soql;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class SoqlStringLiteralPropertyTest {

    private static SoqlAst.Value literalIn(String condition) {
        SoqlQuery query = SoqlParser.parse("SELECT Id FROM Account WHERE " + condition);
        return ((SoqlAst.Comparison) query.select().where()).values().get(0);
    }

    @Property
    void quotedStringParsesBackToItself(@ForAll String value) {
        SoqlAst.Value literal = literalIn("Name = " + SoqlStringLiterals.quote(value));

        assertThat(literal.kind()).isEqualTo(SoqlAst.ValueKind.STRING);
        assertThat(literal.value()).isEqualTo(value);
    }

    @Property
    void quotedStringIsOneTokenWhateverFollows(@ForAll String value) {
        SoqlQuery query = SoqlParser.parse("SELECT Id FROM Account WHERE Name IN (" + SoqlStringLiterals.quote(value)
                + ", 'tail') LIMIT 1");

        assertThat(((SoqlAst.Comparison) query.select().where()).values()).extracting(SoqlAst.Value::value)
                .containsExactly(value, "tail");
        assertThat(query.select().limit()).isEqualTo(1);
    }

    @Property
    void quotedLikePatternMatchesExactlyItsValue(@ForAll String value) {
        LikePattern pattern = (LikePattern) literalIn("Name LIKE " + SoqlStringLiterals.quoteLike(value)).value();

        assertThat(pattern.matches(value)).isTrue();
        assertThat(pattern.matches(value + "x")).isFalse();
        assertThat(pattern.matches("x" + value)).isFalse();
    }
}
