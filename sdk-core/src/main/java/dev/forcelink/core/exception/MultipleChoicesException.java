package dev.forcelink.core.exception;

import java.util.List;

/**
 * An external id matched several records (HTTP 300) in an upsert, a retrieve or a delete by external
 * id. Nothing was written or deleted. The matching records' URLs or ids, as the server listed them,
 * are in {@link #matches()}.
 *
 * <p>Immutable once thrown.
 */
public class MultipleChoicesException extends SalesforceServiceException {
  private static final long serialVersionUID = 1L;
  private final List<String> matches;

  /**
   * Creates the exception.
   *
   * @param details the details of the failure
   * @param matches the matching records as the server listed them
   */
  public MultipleChoicesException(Details details, List<String> matches) {
    super(check(details));
    this.matches = List.copyOf(matches);
  }

  /**
   * Returns the matching records (record URLs or ids).
   *
   * @return an unmodifiable list
   */
  public List<String> matches() {
    return matches;
  }
}
