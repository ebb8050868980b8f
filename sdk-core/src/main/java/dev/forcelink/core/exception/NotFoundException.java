package dev.forcelink.core.exception;

/**
 * The resource does not exist (HTTP 404 `NOT_FOUND`), for example an unknown record id, sObject or external-id field.
 *
 * <p>Immutable once thrown.
 */
public class NotFoundException extends SalesforceServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details the details of the failure
   */
  public NotFoundException(Details details) {
    super(check(details));
  }
}
