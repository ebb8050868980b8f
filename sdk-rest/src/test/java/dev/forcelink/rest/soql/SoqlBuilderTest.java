package dev.forcelink.rest.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SoqlBuilderTest {

  @Test
  void buildsAQueryWithBoundValues() {
    String soql = SoqlBuilder.select("Id", "Name", "Owner.Name").from("Account")
        .where(Condition.eq("Name", "O'Brien").and(Condition.in("Industry", List.of("Energy", "Media")))
            .or(Condition.isNull("ParentId")))
        .orderBy("Name").orderByDesc("CreatedDate").limit(10).offset(5).toSoql();
    assertThat(soql).isEqualTo("SELECT Id, Name, Owner.Name FROM Account WHERE ((Name = 'O\\'Brien' AND Industry IN"
        + " ('Energy','Media')) OR ParentId = null) ORDER BY Name, CreatedDate DESC LIMIT 10 OFFSET 5");
  }

  @Test
  void likeHelpersEscapeWildcardsInTheValue() {
    assertThat(Condition.contains("Name", "50%_off").toSoql()).isEqualTo("Name LIKE '%50\\%\\_off%'");
    assertThat(Condition.startsWith("Name", "Ac").toSoql()).isEqualTo("Name LIKE 'Ac%'");
    assertThat(Condition.endsWith("Email", ".com").toSoql()).isEqualTo("Email LIKE '%.com'");
    assertThat(Condition.not(Condition.gt("CloseDate", LocalDate.of(2024, 1, 31))).toSoql())
        .isEqualTo("(NOT CloseDate > 2024-01-31)");
  }

  @Test
  void identifiersThatCouldInjectAreRefused() {
    assertThatThrownBy(() -> SoqlBuilder.select("Id FROM User --")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Condition.eq("Name = 'x' OR Name", "y")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SoqlBuilder.select("Id").toSoql()).isInstanceOf(IllegalStateException.class);
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("'\\\"%_ \n\t()ORAND=").ofMaxLength(30),
        Arbitraries.of("x' OR Name != '", "\\' OR 1=1 --", "'; DELETE", "\\\\'", "%' OR Name LIKE '%"),
        Arbitraries.strings().all().ofMaxLength(20));
  }

  @Property(tries = 500)
  void everyValueStaysOneLiteralThatDecodesBackToItself(@ForAll("hostile") String value) {
    String soql = SoqlBuilder.select("Id").from("Account").where(Condition.eq("Name", value)).toSoql();
    String prefix = "SELECT Id FROM Account WHERE Name = ";
    assertThat(soql).startsWith(prefix);
    assertThat(readLiteral(soql.substring(prefix.length()))).isEqualTo(value);
  }

  /** Reads one quoted SOQL string literal that must span the whole text, and unescapes it. */
  private static String readLiteral(String text) {
    assertThat(text).startsWith("'");
    StringBuilder out = new StringBuilder();
    int i = 1;
    while (true) {
      assertThat(i).as("unterminated literal in %s", text).isLessThan(text.length());
      char c = text.charAt(i);
      if (c == '\'') {
        assertThat(i).as("text after the literal in %s", text).isEqualTo(text.length() - 1);
        return out.toString();
      }
      if (c == '\\') {
        char e = text.charAt(i + 1);
        switch (e) {
          case 'n': out.append('\n'); break;
          case 'r': out.append('\r'); break;
          case 't': out.append('\t'); break;
          case 'b': out.append('\b'); break;
          case 'f': out.append('\f'); break;
          case 'u': out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16)); i += 4; break;
          case '\'': case '"': case '\\': out.append(e); break;
          default: throw new AssertionError("invalid escape \\" + e + " in " + text);
        }
        i += 2;
      } else {
        assertThat((int) c).as("raw control character").isGreaterThanOrEqualTo(0x20);
        out.append(c);
        i++;
      }
    }
  }
}
