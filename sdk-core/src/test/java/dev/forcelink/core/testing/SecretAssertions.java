package dev.forcelink.core.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Asserts that planted ("honeypot") secret values appear nowhere they must not: in no captured log
 * line, in no exception's message, {@code toString} or stack trace along the whole cause and
 * suppressed chain, and in no object's {@code toString}.
 *
 * <pre>{@code
 * SecretAssertions secrets = SecretAssertions.planted(TOKEN, PASSWORD);
 * secrets.assertNotIn(logs);
 * secrets.assertNotIn(thrown);
 * secrets.assertNotInToString(connection, request, response, token);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SecretAssertions {
  private final List<String> secrets;

  private SecretAssertions(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /**
   * Names the planted secret values to look for.
   *
   * @param secrets the values; each must be distinctive (at least 8 characters)
   * @return the assertions
   * @throws IllegalArgumentException if a value is too short to search for reliably
   */
  public static SecretAssertions planted(String... secrets) {
    for (String s : secrets) {
      Objects.requireNonNull(s, "secret");
      if (s.length() < 8) {
        throw new IllegalArgumentException("Planted secrets need at least 8 characters to be found reliably");
      }
    }
    return new SecretAssertions(List.of(secrets));
  }

  /**
   * Asserts that no captured line contains a planted secret.
   *
   * @param logs the capture
   * @return this, for chaining
   * @throws AssertionError naming the secret's index and the offending line's start
   */
  public SecretAssertions assertNotIn(LogCapture logs) {
    for (String line : logs.lines()) {
      check(line, "log line");
    }
    return this;
  }

  /**
   * Asserts that no planted secret appears in the throwable's message, {@code toString} or stack
   * trace, nor in any cause or suppressed exception.
   *
   * @param thrown the throwable, or null (nothing to check)
   * @return this, for chaining
   * @throws AssertionError if a secret is found
   */
  public SecretAssertions assertNotIn(Throwable thrown) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> queue = new ArrayList<>();
    if (thrown != null) {
      queue.add(thrown);
    }
    while (!queue.isEmpty()) {
      Throwable t = queue.remove(queue.size() - 1);
      if (!seen.add(t)) {
        continue;
      }
      check(String.valueOf(t.getMessage()), "exception message of " + t.getClass().getName());
      check(t.toString(), "toString of " + t.getClass().getName());
      if (t.getCause() != null) {
        queue.add(t.getCause());
      }
      Collections.addAll(queue, t.getSuppressed());
    }
    if (thrown != null) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      check(trace.toString(), "stack trace of " + thrown.getClass().getName());
    }
    return this;
  }

  /**
   * Asserts that no object's {@code toString} contains a planted secret.
   *
   * @param objects the objects; nulls are skipped
   * @return this, for chaining
   * @throws AssertionError if a secret is found
   */
  public SecretAssertions assertNotInToString(Object... objects) {
    for (Object o : objects) {
      if (o != null) {
        check(o.toString(), "toString of " + o.getClass().getName());
      }
    }
    return this;
  }

  /**
   * Asserts that no planted secret is in a text.
   *
   * @param text the text
   * @param where what the text is, for the failure message
   * @return this, for chaining
   * @throws AssertionError if a secret is found
   */
  public SecretAssertions assertNotInText(String text, String where) {
    check(text, where);
    return this;
  }

  private void check(String text, String where) {
    if (text == null) {
      return;
    }
    for (int i = 0; i < secrets.size(); i++) {
      if (text.contains(secrets.get(i))) {
        // Never print the secret itself, only where it leaked.
        int at = text.indexOf(secrets.get(i));
        String context = text.substring(0, Math.min(at, 120));
        throw new AssertionError("Planted secret #" + i + " leaked into " + where
            + " (text before it: \"" + context + "\")");
      }
    }
  }
}
