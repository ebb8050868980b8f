package dev.forcelink.testkit.internal.soql;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Splits a query into tokens. Not thread-safe; one instance per query. */
final class SoqlLexer {
    private final QueryText source;
    private final String text;
    private int pos;

    SoqlLexer(QueryText source) {
        this.source = source;
        this.text = source.text();
    }

    List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                tokens.add(new Token(TokenKind.EOF, "", pos, null));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (isIdentifierStart(c)) {
            while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            return new Token(TokenKind.IDENTIFIER, text.substring(start, pos), start, null);
        }
        if (isDigit(c) || (c == '-' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return numberOrDate();
        }
        switch (c) {
            case '\'':
                return string();
            case '(':
                return single(TokenKind.LPAREN);
            case ')':
                return single(TokenKind.RPAREN);
            case ',':
                return single(TokenKind.COMMA);
            case '.':
                return single(TokenKind.DOT);
            case ':':
                return single(TokenKind.COLON);
            case '=':
                return single(TokenKind.EQ);
            case '!':
                if (peek(1) == '=') {
                    pos += 2;
                    return new Token(TokenKind.NE, "!=", start, null);
                }
                throw source.noViableAlternative(pos);
            case '<':
                if (peek(1) == '=') {
                    pos += 2;
                    return new Token(TokenKind.LE, "<=", start, null);
                }
                if (peek(1) == '>') {
                    pos += 2;
                    return new Token(TokenKind.NE, "<>", start, null);
                }
                return single(TokenKind.LT);
            case '>':
                if (peek(1) == '=') {
                    pos += 2;
                    return new Token(TokenKind.GE, ">=", start, null);
                }
                return single(TokenKind.GT);
            default:
                throw source.noViableAlternative(pos);
        }
    }

    private Token single(TokenKind kind) {
        Token token = new Token(kind, text.substring(pos, pos + 1), pos, null);
        pos++;
        return token;
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    /** A string literal; its escapes are checked here and decoded where the parser knows the context. */
    private Token string() {
        int start = pos;
        pos++;
        int bodyStart = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '\'') {
                String body = text.substring(bodyStart, pos);
                pos++;
                return new Token(TokenKind.STRING, body, start, null);
            } else {
                pos++;
            }
        }
        throw source.error(SoqlErrorCode.MALFORMED_QUERY, text.length(),
                "line " + row(text.length()) + ":" + (text.length() - lineStart(text.length()) + 1)
                        + " mismatched character '<EOF>' expecting '''");
    }

    private Token numberOrDate() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        int digitsStart = pos;
        skipDigits();
        if (pos - digitsStart == 4 && start == digitsStart && peek(0) == '-' && isDigit(peek(1))) {
            return dateOrDateTime(start);
        }
        if (peek(0) == '.' && isDigit(peek(1))) {
            pos++;
            skipDigits();
        }
        if (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            throw source.noViableAlternative(pos);
        }
        String literal = text.substring(start, pos);
        return new Token(TokenKind.NUMBER, literal, start, new BigDecimal(literal));
    }

    private Token dateOrDateTime(int start) {
        expect('-');
        expectDigits(2);
        expect('-');
        expectDigits(2);
        String dateText = text.substring(start, pos);
        LocalDate date = parseDate(dateText, start);
        if (peek(0) != 'T') {
            if (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                throw source.noViableAlternative(pos);
            }
            return new Token(TokenKind.DATE, dateText, start, date);
        }
        pos++;
        int hour = expectDigits(2);
        expect(':');
        int minute = expectDigits(2);
        expect(':');
        int second = expectDigits(2);
        int nanos = 0;
        if (peek(0) == '.') {
            pos++;
            int fractionStart = pos;
            skipDigits();
            if (pos == fractionStart || pos - fractionStart > 9) {
                throw source.noViableAlternative(pos);
            }
            String fraction = (text.substring(fractionStart, pos) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(fraction);
        }
        ZoneOffset offset = zoneOffset();
        String literal = text.substring(start, pos);
        try {
            Instant instant = LocalDateTime.of(date.getYear(), date.getMonth(), date.getDayOfMonth(), hour, minute,
                    second, nanos).toInstant(offset);
            return new Token(TokenKind.DATETIME, literal, start, instant);
        } catch (DateTimeException e) {
            throw source.error(SoqlErrorCode.MALFORMED_QUERY, start, "Invalid datetime: " + literal);
        }
    }

    private ZoneOffset zoneOffset() {
        char c = peek(0);
        if (c == 'Z' || c == 'z') {
            pos++;
            return ZoneOffset.UTC;
        }
        if (c != '+' && c != '-') {
            throw source.noViableAlternative(pos);
        }
        pos++;
        int hours = expectDigits(2);
        if (peek(0) == ':') {
            pos++;
        }
        int minutes = expectDigits(2);
        try {
            int sign = c == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            throw source.error(SoqlErrorCode.MALFORMED_QUERY, pos, "Invalid datetime offset");
        }
    }

    private LocalDate parseDate(String dateText, int start) {
        try {
            return LocalDate.of(Integer.parseInt(dateText.substring(0, 4)), Integer.parseInt(dateText.substring(5, 7)),
                    Integer.parseInt(dateText.substring(8, 10)));
        } catch (DateTimeException e) {
            throw source.error(SoqlErrorCode.MALFORMED_QUERY, start, "Invalid date: " + dateText);
        }
    }

    /** Reads exactly {@code count} digits and returns their value. */
    private int expectDigits(int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            char c = peek(0);
            if (!isDigit(c)) {
                throw source.noViableAlternative(pos);
            }
            value = value * 10 + (c - '0');
            pos++;
        }
        return value;
    }

    private void expect(char c) {
        if (peek(0) != c) {
            throw source.noViableAlternative(pos);
        }
        pos++;
    }

    private void skipDigits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private int lineStart(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    private int row(int offset) {
        int row = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                row++;
            }
        }
        return row;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
