package dev.forcelink.bulk;

/** The OWASP ASVS 1.2.10 / CWE-1236 prefix rule for CSV meant for spreadsheets. Stateless. */
final class SpreadsheetSafety {
  private SpreadsheetSafety() {}

  static String neutralise(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0';
    return risky ? "'" + cell : cell;
  }
}
