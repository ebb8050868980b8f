package dev.forcelink.core.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class SoqlPropertiesTest {

  @Property
  void quotedStringsLexAsOneLiteralThatDecodesBack(@ForAll("anyText") String s) {
    List<SoqlLexer.Token> tokens = SoqlLexer.lex(Soql.quote(s), false);

    assertThat(tokens).hasSize(1);
    assertThat(tokens.get(0).stringLiteral).isTrue();
    assertThat(tokens.get(0).text).isEqualTo(s);
  }

  @Property
  void likeLiteralsMatchTheValueExactly(@ForAll("anyText") String s) {
    List<SoqlLexer.Token> tokens = SoqlLexer.lex(Soql.quoteLike(s), true);

    assertThat(tokens).hasSize(1);
    assertThat(tokens.get(0).stringLiteral).isTrue();
    assertThat(tokens.get(0).text).isEqualTo(s);
    assertThat(tokens.get(0).unescapedWildcards).isZero();
  }

  @Property
  void likeContainsAddsExactlyTheTwoOuterWildcards(@ForAll("anyText") String s) {
    List<SoqlLexer.Token> tokens = SoqlLexer.lex("Name LIKE " + Soql.likeContains(s), true);

    assertThat(tokens).hasSize(3);
    assertThat(tokens.get(2).stringLiteral).isTrue();
    assertThat(tokens.get(2).text).isEqualTo("%" + s + "%");
    assertThat(tokens.get(2).unescapedWildcards).isEqualTo(2);
  }

  /** Text rich in quotes, backslashes, wildcards, control characters and any UTF-16 unit. */
  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> syntax =
        Arbitraries.of(
            "'",
            "\\",
            "\"",
            "%",
            "_",
            "\\'",
            "\\\\",
            "\\u0027",
            "' OR Name != '",
            "\n",
            "\r",
            "\t",
            "\b",
            "\f",
            "\u0000",
            "\u001b",
            "\u007f",
            "\u0085",
            "\u2028");
    Arbitrary<String> ascii = Arbitraries.chars().range(' ', '~').map(String::valueOf);
    Arbitrary<String> anyUnit = Arbitraries.chars().all().map(String::valueOf);
    return Arbitraries.frequencyOf(Tuple.of(4, syntax), Tuple.of(4, ascii), Tuple.of(2, anyUnit))
        .list()
        .ofMaxSize(16)
        .map(parts -> String.join("", parts));
  }
}
