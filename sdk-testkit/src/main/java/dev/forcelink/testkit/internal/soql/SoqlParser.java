package dev.forcelink.testkit.internal.soql;

import dev.forcelink.testkit.internal.soql.SoqlAst.And;
import dev.forcelink.testkit.internal.soql.SoqlAst.Comparison;
import dev.forcelink.testkit.internal.soql.SoqlAst.Condition;
import dev.forcelink.testkit.internal.soql.SoqlAst.CountItem;
import dev.forcelink.testkit.internal.soql.SoqlAst.DateConstantValue;
import dev.forcelink.testkit.internal.soql.SoqlAst.FieldItem;
import dev.forcelink.testkit.internal.soql.SoqlAst.FieldPath;
import dev.forcelink.testkit.internal.soql.SoqlAst.Not;
import dev.forcelink.testkit.internal.soql.SoqlAst.Operator;
import dev.forcelink.testkit.internal.soql.SoqlAst.Or;
import dev.forcelink.testkit.internal.soql.SoqlAst.OrderItem;
import dev.forcelink.testkit.internal.soql.SoqlAst.Select;
import dev.forcelink.testkit.internal.soql.SoqlAst.SelectItem;
import dev.forcelink.testkit.internal.soql.SoqlAst.SubqueryItem;
import dev.forcelink.testkit.internal.soql.SoqlAst.Value;
import dev.forcelink.testkit.internal.soql.SoqlAst.ValueKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Parses SOQL text into a {@link SoqlQuery}, checking syntax only; {@link SoqlEngine#prepare}
 * checks names and types against a catalog. Stateless and thread-safe.
 *
 * <p>As Salesforce does, it rejects AND mixed with OR at one level without parentheses, and NOT
 * straight after AND or OR (write {@code a AND (NOT b)}).
 */
public final class SoqlParser {
    /** Words that end a FROM clause, so they are never taken for an object alias. */
    private static final Set<String> CLAUSE_WORDS = Set.of("WHERE", "ORDER", "LIMIT", "OFFSET", "GROUP", "HAVING",
            "WITH", "FOR", "USING", "UPDATE");

    private SoqlParser() {
    }

    /**
     * Parses a query.
     *
     * @param soql the query text, not null
     * @return the parsed, immutable query
     * @throws SoqlException MALFORMED_QUERY when the text is not valid SOQL of the supported subset
     * @throws NullPointerException if soql is null
     */
    public static SoqlQuery parse(String soql) {
        QueryText source = new QueryText(Objects.requireNonNull(soql, "soql"));
        Run run = new Run(source, new SoqlLexer(source).tokenize());
        Select select = run.select(true);
        run.expect(TokenKind.EOF);
        return new SoqlQuery(source, select);
    }

    /** The state of parsing one query. */
    private static final class Run {
        private final QueryText source;
        private final List<Token> tokens;
        private int index;

        Run(QueryText source, List<Token> tokens) {
            this.source = source;
            this.tokens = tokens;
        }

        Select select(boolean topLevel) {
            expectKeyword("SELECT");
            List<SelectItem> items = new ArrayList<>();
            do {
                items.add(selectItem(topLevel));
            } while (accept(TokenKind.COMMA));
            expectKeyword("FROM");
            Token from = expect(TokenKind.IDENTIFIER);
            String alias = null;
            if (peek().kind() == TokenKind.IDENTIFIER
                    && !CLAUSE_WORDS.contains(peek().text().toUpperCase(Locale.ROOT))) {
                alias = advance().text();
            }
            Condition where = null;
            if (acceptKeyword("WHERE")) {
                where = condition();
            }
            List<OrderItem> orderBy = new ArrayList<>();
            if (acceptKeyword("ORDER")) {
                expectKeyword("BY");
                do {
                    orderBy.add(orderItem());
                } while (accept(TokenKind.COMMA));
            }
            Integer limit = acceptKeyword("LIMIT") ? nonNegativeInteger() : null;
            Integer skip = acceptKeyword("OFFSET") ? nonNegativeInteger() : null;
            return new Select(items, from.text(), from.offset(), alias, where, orderBy, limit, skip);
        }

        private SelectItem selectItem(boolean topLevel) {
            Token token = peek();
            if (topLevel && token.kind() == TokenKind.LPAREN && peek(1).isKeyword("SELECT")) {
                advance();
                Select nested = select(false);
                expect(TokenKind.RPAREN);
                return new SubqueryItem(nested);
            }
            if (token.isKeyword("COUNT") && peek(1).kind() == TokenKind.LPAREN) {
                advance();
                advance();
                FieldPath field = peek().kind() == TokenKind.RPAREN ? null : path();
                expect(TokenKind.RPAREN);
                String alias = null;
                if (field != null && peek().kind() == TokenKind.IDENTIFIER && !peek().isKeyword("FROM")) {
                    alias = advance().text();
                }
                return new CountItem(field, alias, token.offset());
            }
            return new FieldItem(path());
        }

        private FieldPath path() {
            Token first = expect(TokenKind.IDENTIFIER);
            List<String> segments = new ArrayList<>();
            segments.add(first.text());
            while (accept(TokenKind.DOT)) {
                segments.add(expect(TokenKind.IDENTIFIER).text());
            }
            return new FieldPath(segments, first.offset());
        }

        private OrderItem orderItem() {
            FieldPath field = path();
            boolean ascending = true;
            if (acceptKeyword("DESC")) {
                ascending = false;
            } else {
                acceptKeyword("ASC");
            }
            boolean nullsFirst = ascending;
            if (acceptKeyword("NULLS")) {
                if (acceptKeyword("FIRST")) {
                    nullsFirst = true;
                } else {
                    expectKeyword("LAST");
                    nullsFirst = false;
                }
            }
            return new OrderItem(field, ascending, nullsFirst);
        }

        private int nonNegativeInteger() {
            Token token = expect(TokenKind.NUMBER);
            BigDecimal value = (BigDecimal) token.value();
            try {
                int result = value.intValueExact();
                if (result >= 0) {
                    return result;
                }
            } catch (ArithmeticException e) {
                // falls through to the error below: not a whole number that fits an int
            }
            throw unexpected(token);
        }

        /** A condition expression: one term, or terms joined by only AND or only OR. */
        private Condition condition() {
            Condition first;
            if (acceptKeyword("NOT")) {
                first = new Not(simpleCondition());
            } else {
                first = simpleCondition();
            }
            boolean and = peek().isKeyword("AND");
            if (!and && !peek().isKeyword("OR")) {
                return first;
            }
            String joiner = and ? "AND" : "OR";
            List<Condition> operands = new ArrayList<>();
            operands.add(first);
            while (acceptKeyword(joiner)) {
                if (peek().isKeyword("NOT")) {
                    throw unexpected(peek());
                }
                operands.add(simpleCondition());
            }
            if (peek().isKeyword(and ? "OR" : "AND")) {
                throw unexpected(peek());
            }
            return and ? new And(operands) : new Or(operands);
        }

        private Condition simpleCondition() {
            if (accept(TokenKind.LPAREN)) {
                Condition inner = condition();
                expect(TokenKind.RPAREN);
                return inner;
            }
            return comparison();
        }

        private Comparison comparison() {
            FieldPath field = path();
            Token op = advance();
            Operator operator = switch (op.kind()) {
                case EQ -> Operator.EQ;
                case NE -> Operator.NE;
                case LT -> Operator.LT;
                case LE -> Operator.LE;
                case GT -> Operator.GT;
                case GE -> Operator.GE;
                default -> keywordOperator(op);
            };
            List<Value> values = new ArrayList<>();
            switch (operator) {
                case IN, NOT_IN, INCLUDES, EXCLUDES -> {
                    expect(TokenKind.LPAREN);
                    do {
                        values.add(value(false));
                    } while (accept(TokenKind.COMMA));
                    expect(TokenKind.RPAREN);
                }
                case LIKE -> values.add(value(true));
                default -> values.add(value(false));
            }
            return new Comparison(field, operator, op.offset(), values);
        }

        private Operator keywordOperator(Token op) {
            if (op.isKeyword("IN")) {
                return Operator.IN;
            }
            if (op.isKeyword("NOT") && peek().isKeyword("IN")) {
                advance();
                return Operator.NOT_IN;
            }
            if (op.isKeyword("LIKE")) {
                return Operator.LIKE;
            }
            if (op.isKeyword("INCLUDES")) {
                return Operator.INCLUDES;
            }
            if (op.isKeyword("EXCLUDES")) {
                return Operator.EXCLUDES;
            }
            throw unexpected(op);
        }

        private Value value(boolean likePattern) {
            Token token = advance();
            switch (token.kind()) {
                case STRING:
                    return likePattern
                            ? new Value(ValueKind.LIKE_PATTERN, LikePattern.compile(source, token), token.offset())
                            : new Value(ValueKind.STRING, SoqlStringLiterals.decode(source, token), token.offset());
                case NUMBER:
                    return new Value(ValueKind.NUMBER, token.value(), token.offset());
                case DATE:
                    return new Value(ValueKind.DATE, token.value(), token.offset());
                case DATETIME:
                    return new Value(ValueKind.DATETIME, token.value(), token.offset());
                case IDENTIFIER:
                    return keywordValue(token);
                default:
                    throw unexpected(token);
            }
        }

        private Value keywordValue(Token token) {
            if (token.isKeyword("NULL")) {
                return new Value(ValueKind.NULL, null, token.offset());
            }
            if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
                return new Value(ValueKind.BOOLEAN, token.isKeyword("TRUE"), token.offset());
            }
            DateConstant constant = DateConstant.find(token.text());
            if (constant == null) {
                throw unexpected(token);
            }
            int n = 0;
            if (constant.takesArgument()) {
                expect(TokenKind.COLON);
                n = nonNegativeInteger();
            }
            return new Value(ValueKind.DATE_CONSTANT, new DateConstantValue(constant, n), token.offset());
        }

        private Token peek() {
            return tokens.get(index);
        }

        private Token peek(int ahead) {
            return tokens.get(Math.min(index + ahead, tokens.size() - 1));
        }

        private Token advance() {
            Token token = tokens.get(index);
            if (token.kind() != TokenKind.EOF) {
                index++;
            }
            return token;
        }

        private boolean accept(TokenKind kind) {
            if (peek().kind() == kind) {
                advance();
                return true;
            }
            return false;
        }

        private boolean acceptKeyword(String keyword) {
            if (peek().isKeyword(keyword)) {
                advance();
                return true;
            }
            return false;
        }

        Token expect(TokenKind kind) {
            Token token = peek();
            if (token.kind() != kind) {
                throw unexpected(token);
            }
            return advance();
        }

        private void expectKeyword(String keyword) {
            if (!acceptKeyword(keyword)) {
                throw unexpected(peek());
            }
        }

        private SoqlException unexpected(Token token) {
            return source.error(SoqlErrorCode.MALFORMED_QUERY, token.offset(), "unexpected token: " + token.display());
        }
    }
}
