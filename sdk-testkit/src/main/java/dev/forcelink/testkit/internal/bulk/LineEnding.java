package dev.forcelink.testkit.internal.bulk;

import de.siegmar.fastcsv.writer.LineDelimiter;

/** The {@code lineEnding} values of a Bulk API 2.0 job. Immutable and thread-safe. */
enum LineEnding {
    LF(LineDelimiter.LF),
    CRLF(LineDelimiter.CRLF);

    private final LineDelimiter delimiter;

    LineEnding(LineDelimiter delimiter) {
        this.delimiter = delimiter;
    }

    /** @return FastCSV's line delimiter for writing */
    LineDelimiter delimiter() {
        return delimiter;
    }

    /**
     * @param text {@code LF} or {@code CRLF}
     * @return the line ending, or {@code null} if unknown
     */
    static LineEnding fromWireName(String text) {
        for (LineEnding ending : values()) {
            if (ending.name().equals(text)) {
                return ending;
            }
        }
        return null;
    }
}
