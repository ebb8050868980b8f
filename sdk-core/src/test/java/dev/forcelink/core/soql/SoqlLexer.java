package dev.forcelink.core.soql;

import java.util.ArrayList;
import java.util.List;

/**
 * A small lexer for SOQL string literals and the text around them, written from the documented
 * escape rules rather than from {@link Soql}: it is the independent check that a literal cannot end
 * early or leak text into the query.
 */
final class SoqlLexer {
  /** A token: a string literal with its decoded value, or any other piece of query text. */
  static final class Token {
    final boolean stringLiteral;
    final String text;
    final int unescapedWildcards;

    Token(boolean stringLiteral, String text, int unescapedWildcards) {
      this.stringLiteral = stringLiteral;
      this.text = text;
      this.unescapedWildcards = unescapedWildcards;
    }
  }

  private SoqlLexer() {}

  /**
   * Splits query text into tokens. In LIKE mode {@code \%} and {@code \_} are valid escapes that
   * decode to literal {@code %} and {@code _}, and unescaped ones are counted as wildcards.
   *
   * @throws IllegalArgumentException on an unterminated literal or an invalid escape
   */
  static List<Token> lex(String soql, boolean likeMode) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < soql.length()) {
      char c = soql.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (c == '\'') {
        i = readString(soql, i + 1, likeMode, tokens);
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        int start = i;
        while (i < soql.length()
            && (Character.isLetterOrDigit(soql.charAt(i))
                || soql.charAt(i) == '_'
                || soql.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(false, soql.substring(start, i), 0));
      } else {
        tokens.add(new Token(false, String.valueOf(c), 0));
        i++;
      }
    }
    return tokens;
  }

  private static int readString(String soql, int start, boolean likeMode, List<Token> tokens) {
    StringBuilder decoded = new StringBuilder();
    int wildcards = 0;
    int i = start;
    while (i < soql.length()) {
      char c = soql.charAt(i);
      if (c == '\'') {
        tokens.add(new Token(true, decoded.toString(), wildcards));
        return i + 1;
      }
      if (c != '\\') {
        if (c == '%' || c == '_') {
          wildcards++;
        }
        decoded.append(c);
        i++;
        continue;
      }
      if (i + 1 >= soql.length()) {
        throw new IllegalArgumentException("Backslash at the end of the text");
      }
      char e = soql.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'n':
          decoded.append('\n');
          break;
        case 'r':
          decoded.append('\r');
          break;
        case 't':
          decoded.append('\t');
          break;
        case 'b':
          decoded.append('\b');
          break;
        case 'f':
          decoded.append('\f');
          break;
        case '"':
          decoded.append('"');
          break;
        case '\'':
          decoded.append('\'');
          break;
        case '\\':
          decoded.append('\\');
          break;
        case 'u':
          if (i + 4 > soql.length()) {
            throw new IllegalArgumentException("Short unicode escape");
          }
          decoded.append((char) Integer.parseInt(soql.substring(i, i + 4), 16));
          i += 4;
          break;
        case '%':
        case '_':
          if (!likeMode) {
            throw new IllegalArgumentException("\\" + e + " is valid only in a LIKE pattern");
          }
          decoded.append(e);
          break;
        default:
          throw new IllegalArgumentException("Invalid escape \\" + e);
      }
    }
    throw new IllegalArgumentException("Unterminated string literal");
  }
}
