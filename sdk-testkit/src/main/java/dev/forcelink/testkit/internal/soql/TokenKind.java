package dev.forcelink.testkit.internal.soql;

/** Kinds of SOQL tokens. Keywords are identifiers; the parser compares their text. */
enum TokenKind {
    IDENTIFIER,
    STRING,
    NUMBER,
    DATE,
    DATETIME,
    LPAREN,
    RPAREN,
    COMMA,
    DOT,
    COLON,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    EOF
}
