package dev.forcelink.testkit.internal.soql;

import java.util.regex.Pattern;

/**
 * A LIKE pattern compiled once: {@code %} matches any run of characters, {@code _} exactly one,
 * {@code \%} and {@code \_} themselves; matching ignores case. Immutable and thread-safe.
 */
final class LikePattern {
    private final Pattern pattern;

    private LikePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    static LikePattern compile(QueryText source, Token token) {
        String body = token.text();
        StringBuilder regex = new StringBuilder(body.length() + 8);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i = SoqlStringLiterals.decodeEscape(source, token, i, literal, true);
            } else if (c == '%' || c == '_') {
                flush(regex, literal);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(regex, literal);
        return new LikePattern(Pattern.compile(regex.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    boolean matches(String value) {
        return pattern.matcher(value).matches();
    }
}
