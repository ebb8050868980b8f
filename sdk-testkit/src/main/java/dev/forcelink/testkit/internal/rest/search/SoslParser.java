package dev.forcelink.testkit.internal.rest.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the SOSL the emulator supports:
 * {@code FIND {text} [IN ALL|NAME|EMAIL|PHONE FIELDS] [RETURNING Object[(fields [WHERE …] [ORDER BY …]
 * [LIMIT n])], …] [LIMIT n]}. Stateless.
 */
final class SoslParser {

    private final String text;
    private int pos;

    private SoslParser(String text) {
        this.text = text;
    }

    static SoslQuery parse(String sosl) {
        if (sosl == null || sosl.isBlank()) {
            throw new SoslException("A search string has to be specified");
        }
        return new SoslParser(sosl.trim()).query();
    }

    private SoslQuery query() {
        if (!keyword("FIND")) {
            throw new SoslException("unexpected token: '" + word() + "'. A search must start with FIND");
        }
        String searchText = braced();
        SoslQuery.Scope scope = SoslQuery.Scope.ALL;
        if (keyword("IN")) {
            String name = word().toUpperCase(Locale.ROOT);
            try {
                scope = SoslQuery.Scope.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new SoslException("unexpected token: '" + name + "'. Use IN ALL, NAME, EMAIL or PHONE FIELDS");
            }
            if (!keyword("FIELDS")) {
                throw new SoslException("unexpected token: '" + word() + "'. Expected FIELDS");
            }
        }
        List<SoslQuery.Returning> returning = new ArrayList<>();
        if (keyword("RETURNING")) {
            do {
                returning.add(returning());
            } while (symbol(','));
        }
        Integer limit = null;
        if (keyword("LIMIT")) {
            limit = number();
        }
        skipSpace();
        if (pos < text.length()) {
            throw new SoslException("unexpected token: '" + text.substring(pos) + "'");
        }
        return new SoslQuery(searchText, scope, returning, limit);
    }

    private String braced() {
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != '{') {
            throw new SoslException("No search term found. The search term must be enclosed in braces.");
        }
        StringBuilder term = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                term.append(text.charAt(pos++));
            } else if (c == '}') {
                if (term.toString().isBlank()) {
                    throw new SoslException("No search term found. The search term must be enclosed in braces.");
                }
                return term.toString();
            } else {
                term.append(c);
            }
        }
        throw new SoslException("No search term found. The search term must be enclosed in braces.");
    }

    private SoslQuery.Returning returning() {
        String object = word();
        if (object.isEmpty() || !Character.isLetter(object.charAt(0))) {
            throw new SoslException("unexpected token: '" + object + "'. Expected an object name after RETURNING");
        }
        if (!symbol('(')) {
            return new SoslQuery.Returning(object, null, null, null, null);
        }
        String inner = parenthesised();
        String[] parts = clauses(inner);
        Integer limit = null;
        if (parts[3] != null) {
            try {
                limit = Integer.parseInt(parts[3].trim());
            } catch (NumberFormatException e) {
                throw new SoslException("unexpected token: '" + parts[3].trim() + "'. LIMIT takes a number");
            }
        }
        if (parts[0].isBlank()) {
            throw new SoslException("unexpected token: ')'. Expected a field list for " + object);
        }
        return new SoslQuery.Returning(object, parts[0].trim(), parts[1], parts[2], limit);
    }

    /** Reads up to the matching ')' (quotes and nested parentheses respected). */
    private String parenthesised() {
        int depth = 1;
        int start = pos;
        boolean quoted = false;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (quoted) {
                if (c == '\\') {
                    pos++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(start, pos - 1);
            }
        }
        throw new SoslException("unexpected end of search: missing ')'");
    }

    /** Splits "fields WHERE … ORDER BY … LIMIT n" (keywords outside quotes) into its four parts. */
    private static String[] clauses(String inner) {
        String[] keywords = {"WHERE", "ORDER BY", "LIMIT"};
        int[] at = new int[3];
        java.util.Arrays.fill(at, -1);
        String upper = inner.toUpperCase(Locale.ROOT);
        boolean quoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\'' && (i == 0 || inner.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (quoted || (i > 0 && !Character.isWhitespace(inner.charAt(i - 1)))) {
                continue;
            }
            for (int k = 0; k < keywords.length; k++) {
                String keyword = keywords[k];
                int end = i + keyword.length();
                if (at[k] < 0 && upper.startsWith(keyword, i)
                        && (end == inner.length() || Character.isWhitespace(inner.charAt(end)))) {
                    at[k] = i;
                }
            }
        }
        String[] parts = new String[4];
        int fieldsEnd = inner.length();
        for (int position : at) {
            if (position >= 0) {
                fieldsEnd = Math.min(fieldsEnd, position);
            }
        }
        parts[0] = inner.substring(0, fieldsEnd);
        for (int k = 0; k < 3; k++) {
            if (at[k] < 0) {
                continue;
            }
            int start = at[k] + keywords[k].length();
            int end = inner.length();
            for (int other : at) {
                if (other > at[k]) {
                    end = Math.min(end, other);
                }
            }
            parts[k + 1] = inner.substring(start, end).trim();
        }
        return parts;
    }

    private boolean keyword(String keyword) {
        skipSpace();
        int end = pos + keyword.length();
        if (text.regionMatches(true, pos, keyword, 0, keyword.length())
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private boolean symbol(char symbol) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == symbol) {
            pos++;
            return true;
        }
        return false;
    }

    private String word() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos && pos < text.length()) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private int number() {
        String word = word();
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new SoslException("unexpected token: '" + word + "'. LIMIT takes a number");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
