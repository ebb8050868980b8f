package dev.forcelink.testkit.internal.soql;

/**
 * The text of a query, able to say where an offset is and to build Salesforce's located error
 * messages. Immutable and thread-safe.
 */
final class QueryText {
    /**
     * Salesforce shows at most about this many columns before the caret; the snippet then starts at
     * the beginning of the word holding that column. Inferred from Salesforce error messages, in
     * which a caret at column 75 came after a snippet beginning at column 35 and a caret at column
     * 61 after one beginning mid-line at the start of a string literal.
     */
    private static final int MAX_COLUMNS_BEFORE_CARET = 40;

    private final String text;

    QueryText(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** A located error: the query line with a caret, the row and column, then the detail. */
    SoqlException error(SoqlErrorCode code, int offset, String detail) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = text.indexOf('\n', at);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        if (lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r') {
            lineEnd--;
        }
        int row = 1;
        for (int i = 0; i < lineStart; i++) {
            if (text.charAt(i) == '\n') {
                row++;
            }
        }
        int column = at - lineStart + 1;
        int snippetStart = lineStart;
        if (column > MAX_COLUMNS_BEFORE_CARET) {
            snippetStart = at - MAX_COLUMNS_BEFORE_CARET;
            while (snippetStart > lineStart && !Character.isWhitespace(text.charAt(snippetStart - 1))) {
                snippetStart--;
            }
        }
        String snippet = text.substring(snippetStart, Math.max(snippetStart, lineEnd));
        String message = "\n" + snippet + "\n" + " ".repeat(at - snippetStart) + "^\nERROR at Row:" + row
                + ":Column:" + column + "\n" + detail;
        return new SoqlException(code, message);
    }

    /** A lexer-level error in ANTLR's words, as Salesforce reports a character it cannot read. */
    SoqlException noViableAlternative(int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int row = 1;
        for (int i = 0; i < lineStart; i++) {
            if (text.charAt(i) == '\n') {
                row++;
            }
        }
        String character = at >= text.length() ? "<EOF>" : String.valueOf(text.charAt(at));
        return error(SoqlErrorCode.MALFORMED_QUERY, at,
                "line " + row + ":" + (at - lineStart + 1) + " no viable alternative at character '" + character + "'");
    }
}
