package dev.forcelink.rest;

import dev.forcelink.core.exception.SalesforceServiceException;

/**
 * Salesforce no longer knows the query cursor a page fetch used ({@code INVALID_QUERY_LOCATOR}):
 * it expired (cursors last two days on API v56.0+, fifteen idle minutes before), it was never
 * valid, or it was the cursor of a child subquery result whose parent result has since fetched its
 * next page (that closes the child cursors of the page before). Nothing can continue that result;
 * run the query again, ideally with a filter that skips the rows already processed (for example
 * {@code WHERE Id > :lastId ORDER BY Id}).
 *
 * <p>Immutable once thrown.
 */
public class InvalidQueryLocatorException extends SalesforceServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details the details of the failure, whose summary says to re-run the query
   */
  public InvalidQueryLocatorException(Details details) {
    super(details);
  }
}
