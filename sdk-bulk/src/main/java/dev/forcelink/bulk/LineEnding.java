package dev.forcelink.bulk;

/** The line ending of a job's CSV, with its wire name. Immutable and thread-safe. */
public enum LineEnding {
  /** {@code \n}; Salesforce's default. */
  LF("\n"),
  /** {@code \r\n}. */
  CRLF("\r\n");

  private final String characters;

  LineEnding(String characters) {
    this.characters = characters;
  }

  /**
   * Returns the characters that end a line.
   *
   * @return {@code "\n"} or {@code "\r\n"}
   */
  public String characters() {
    return characters;
  }

  /**
   * Returns the value of the {@code lineEnding} job field (the constant's name).
   *
   * @return {@code LF} or {@code CRLF}
   */
  public String wireName() {
    return name();
  }
}
