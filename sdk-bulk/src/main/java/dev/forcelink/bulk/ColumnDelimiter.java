package dev.forcelink.bulk;

/** The field separator of a job's CSV, with its wire name. Immutable and thread-safe. */
public enum ColumnDelimiter {
  /** Backquote {@code `}. */
  BACKQUOTE('`'),
  /** Caret {@code ^}. */
  CARET('^'),
  /** Comma {@code ,}; Salesforce's default. */
  COMMA(','),
  /** Pipe {@code |}. */
  PIPE('|'),
  /** Semicolon {@code ;}. */
  SEMICOLON(';'),
  /** Horizontal tab. */
  TAB('\t');

  private final char character;

  ColumnDelimiter(char character) {
    this.character = character;
  }

  /**
   * Returns the separator character.
   *
   * @return the character
   */
  public char character() {
    return character;
  }

  /**
   * Returns the value of the {@code columnDelimiter} job field (the constant's name).
   *
   * @return such as {@code SEMICOLON}
   */
  public String wireName() {
    return name();
  }
}
