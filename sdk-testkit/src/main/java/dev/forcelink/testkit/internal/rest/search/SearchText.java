package dev.forcelink.testkit.internal.rest.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The search text of a SOSL query, matched the way Salesforce's search index matches: case-insensitive whole
 * words, {@code *} for any run of characters and {@code ?} for one, {@code "quoted phrases"}, implicit AND
 * between terms, {@code OR} between groups and {@code AND NOT} to exclude. Immutable and thread-safe.
 */
final class SearchText {

    private static final String WORD_CHAR = "[\\p{L}\\p{N}]";

    private final List<Group> groups;

    private SearchText(List<Group> groups) {
        this.groups = groups;
    }

    static SearchText parse(String text) {
        List<Group> groups = new ArrayList<>();
        Group current = new Group();
        boolean negateNext = false;
        for (String token : tokens(text)) {
            String upper = token.toUpperCase(Locale.ROOT);
            if (upper.equals("OR")) {
                groups.add(current);
                current = new Group();
            } else if (upper.equals("AND")) {
                continue;
            } else if (upper.equals("NOT")) {
                negateNext = true;
            } else {
                (negateNext ? current.excluded : current.required).add(compile(token));
                negateNext = false;
            }
        }
        groups.add(current);
        groups.removeIf(group -> group.required.isEmpty());
        if (groups.isEmpty()) {
            throw new SoslException("search term must be longer than one character");
        }
        return new SearchText(groups);
    }

    /** @return whether the text (all of a record's searched fields, joined) matches */
    boolean matches(CharSequence text) {
        for (Group group : groups) {
            if (group.required.stream().allMatch(p -> p.matcher(text).find())
                    && group.excluded.stream().noneMatch(p -> p.matcher(text).find())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')') {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                end = end < 0 ? text.length() : end;
                String phrase = text.substring(i + 1, end).trim();
                if (!phrase.isEmpty()) {
                    tokens.add(phrase);
                }
                i = end + 1;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    private static Pattern compile(String term) {
        StringBuilder regex = new StringBuilder("(?<!" + WORD_CHAR + ")");
        boolean space = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) {
                regex.append("[^\\p{L}\\p{N}]+");
                space = false;
            }
            if (c == '*') {
                regex.append(WORD_CHAR).append('*');
            } else if (c == '?') {
                regex.append(WORD_CHAR);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        regex.append("(?!" + WORD_CHAR + ")");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static final class Group {
        final List<Pattern> required = new ArrayList<>();
        final List<Pattern> excluded = new ArrayList<>();
    }
}
