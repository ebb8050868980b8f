package dev.forcelink.testkit.internal.soql;

/**
 * SOQL string literals: quoting a value into a literal and decoding a literal's escapes.
 *
 * <p>SOQL accepts {@code \n \r \t \b \f \" \' \\ \\uXXXX} in any string literal and {@code \% \_}
 * only in a LIKE pattern; any other backslash is an error. Stateless and thread-safe.
 */
public final class SoqlStringLiterals {
    private SoqlStringLiterals() {
    }

    /**
     * Quotes a value as a SOQL string literal that decodes back to exactly that value.
     *
     * @param value the value, not null
     * @return the literal, single quotes included
     * @throws NullPointerException if value is null
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            appendEscaped(out, value.charAt(i));
        }
        return out.append('\'').toString();
    }

    /**
     * Quotes a value as a LIKE pattern that matches exactly that value: like {@link #quote(String)},
     * and {@code %} and {@code _} are escaped too.
     *
     * @param value the value, not null
     * @return the literal, single quotes included
     * @throws NullPointerException if value is null
     */
    public static String quoteLike(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '_') {
                out.append('\\');
                out.append(c);
            } else {
                appendEscaped(out, c);
            }
        }
        return out.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '\\' -> out.append("\\\\");
            case '\'' -> out.append("\\'");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }

    /**
     * Decodes the body of a string token outside LIKE.
     *
     * @throws SoqlException MALFORMED_QUERY for an escape SOQL does not allow here
     */
    static String decode(QueryText source, Token token) {
        String body = token.text();
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            i = decodeEscape(source, token, i, out, false);
        }
        return out.toString();
    }

    /**
     * Decodes the escape starting at {@code backslash} into {@code out}; in a LIKE pattern {@code \%}
     * and {@code \_} decode to the character itself.
     *
     * @return the index of the escape's last character
     */
    static int decodeEscape(QueryText source, Token token, int backslash, StringBuilder out, boolean like) {
        String body = token.text();
        char e = backslash + 1 < body.length() ? body.charAt(backslash + 1) : '\0';
        switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case '"' -> out.append('"');
            case '\'' -> out.append('\'');
            case '\\' -> out.append('\\');
            case 'u' -> {
                if (backslash + 6 > body.length() || !isHex(body, backslash + 2, backslash + 6)) {
                    throw illegal(source, token, body.substring(backslash, Math.min(body.length(), backslash + 6)));
                }
                out.append((char) Integer.parseInt(body.substring(backslash + 2, backslash + 6), 16));
                return backslash + 5;
            }
            case '%', '_' -> {
                if (!like) {
                    throw illegal(source, token, "\\" + e);
                }
                out.append(e);
            }
            default -> throw illegal(source, token, body.substring(backslash, Math.min(body.length(), backslash + 2)));
        }
        return backslash + 1;
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static SoqlException illegal(QueryText source, Token token, String sequence) {
        return source.error(SoqlErrorCode.MALFORMED_QUERY, token.offset(), "Invalid string literal '" + token.text()
                + "'. Illegal character sequence '" + sequence + "' in string literal.");
    }
}
