package dev.forcelink.testkit.internal.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A LIKE pattern compiled once: {@code %} matches any run of characters, {@code _} exactly one,
 * {@code \%} and {@code \_} themselves; matching ignores case. The common shapes {@code 'abc'},
 * {@code 'abc%'}, {@code '%abc'} and {@code '%abc%'} are matched without a regex. Immutable and
 * thread-safe.
 */
final class LikePattern {
    private static final Character PERCENT = '%';

    private final Pattern pattern;
    private final String literal;
    private final boolean anyPrefix;
    private final boolean anySuffix;

    private LikePattern(Pattern pattern, String literal, boolean anyPrefix, boolean anySuffix) {
        this.pattern = pattern;
        this.literal = literal;
        this.anyPrefix = anyPrefix;
        this.anySuffix = anySuffix;
    }

    static LikePattern compile(QueryText source, Token token) {
        List<Object> parts = parts(source, token);
        LikePattern simple = simpleForm(parts);
        if (simple != null) {
            return simple;
        }
        StringBuilder regex = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String text) {
                regex.append(Pattern.quote(text));
            } else {
                regex.append((Character) part == '%' ? ".*" : ".");
            }
        }
        return new LikePattern(Pattern.compile(regex.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL), null, false, false);
    }

    /** The pattern as literal runs ({@code String}) and wildcards ({@code Character} % or _). */
    private static List<Object> parts(QueryText source, Token token) {
        String body = token.text();
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i = SoqlStringLiterals.decodeEscape(source, token, i, literal, true);
            } else if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(c);
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return parts;
    }

    /** {@code abc}, {@code abc%}, {@code %abc}, {@code %abc%} (and {@code %}), or null for anything else. */
    private static LikePattern simpleForm(List<Object> parts) {
        boolean anyPrefix = !parts.isEmpty() && PERCENT.equals(parts.get(0));
        boolean anySuffix = parts.size() > (anyPrefix ? 1 : 0) && PERCENT.equals(parts.get(parts.size() - 1));
        List<Object> middle = parts.subList(anyPrefix ? 1 : 0, parts.size() - (anySuffix ? 1 : 0));
        if (middle.isEmpty()) {
            return new LikePattern(null, "", anyPrefix, anySuffix);
        }
        if (middle.size() == 1 && middle.get(0) instanceof String text) {
            return new LikePattern(null, text, anyPrefix, anySuffix);
        }
        return null;
    }

    boolean matches(String value) {
        if (pattern != null) {
            return pattern.matcher(value).matches();
        }
        int length = literal.length();
        if (anyPrefix && anySuffix) {
            for (int start = 0; start + length <= value.length(); start++) {
                if (value.regionMatches(true, start, literal, 0, length)) {
                    return true;
                }
            }
            return false;
        }
        if (anyPrefix) {
            return value.length() >= length && value.regionMatches(true, value.length() - length, literal, 0, length);
        }
        if (anySuffix) {
            return value.regionMatches(true, 0, literal, 0, length);
        }
        return value.equalsIgnoreCase(literal);
    }
}
