package dev.forcelink.testkit.internal.bulk;

/** The {@code columnDelimiter} values of a Bulk API 2.0 job. Immutable and thread-safe. */
enum ColumnDelimiter {
    BACKQUOTE('`'),
    CARET('^'),
    COMMA(','),
    PIPE('|'),
    SEMICOLON(';'),
    TAB('\t');

    private final char character;

    ColumnDelimiter(char character) {
        this.character = character;
    }

    /** @return the separator character */
    char character() {
        return character;
    }

    /**
     * @param text a wire name such as {@code PIPE}
     * @return the delimiter, or {@code null} if unknown (names are case-sensitive, as Salesforce's enums are)
     */
    static ColumnDelimiter fromWireName(String text) {
        for (ColumnDelimiter delimiter : values()) {
            if (delimiter.name().equals(text)) {
                return delimiter;
            }
        }
        return null;
    }
}
