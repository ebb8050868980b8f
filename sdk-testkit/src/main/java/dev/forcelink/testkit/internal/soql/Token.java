package dev.forcelink.testkit.internal.soql;

/**
 * One token of a query.
 *
 * @param kind the token kind
 * @param text the token's source text; for a string, the body between the quotes, still escaped
 * @param offset where the token starts in the query
 * @param value the parsed value of a number, date or datetime token ({@code BigDecimal},
 *     {@code LocalDate}, {@code Instant}), otherwise null
 */
record Token(TokenKind kind, String text, int offset, Object value) {
    boolean isKeyword(String keyword) {
        return kind == TokenKind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** The token as Salesforce names it in "unexpected token" messages. */
    String display() {
        return switch (kind) {
            case EOF -> "<EOF>";
            case STRING -> "'" + text + "'";
            default -> text;
        };
    }
}
