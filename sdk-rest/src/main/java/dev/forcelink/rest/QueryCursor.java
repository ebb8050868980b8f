package dev.forcelink.rest;

import java.util.Objects;

/**
 * Where a query result stands, so that it can be continued later with
 * {@link RestClient#resume(QueryCursor)} (in this process or another): the page to fetch (a
 * {@code nextRecordsUrl}, or the original query for a result still on its first page) and how many
 * of that page's records were already consumed. Query cursors last two days on Salesforce (API
 * v56.0+); an expired one gives {@link InvalidQueryLocatorException}.
 *
 * <p>Store it with {@link #asString()} and read it back with {@link #parse(String)}. Immutable and
 * thread-safe.
 *
 * @param pageUrl the path of the page to fetch, relative to the instance; null when the result
 *     is exhausted
 * @param skip how many records of that page were already consumed
 */
public record QueryCursor(String pageUrl, int skip) {
  private static final QueryCursor DONE = new QueryCursor(null, 0);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if {@code skip} is negative, or the URL is not a path
   */
  public QueryCursor {
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative, got " + skip);
    }
    if (pageUrl != null && (!pageUrl.startsWith("/") || pageUrl.startsWith("//"))) {
      throw new IllegalArgumentException("A query cursor's page is a path such as /services/data/v65.0/query/01g…-2000");
    }
  }

  /**
   * Returns the cursor of an exhausted result.
   *
   * @return the done cursor
   */
  public static QueryCursor done() {
    return DONE;
  }

  /**
   * Tells whether the result was read to its end.
   *
   * @return true when nothing remains
   */
  public boolean isDone() {
    return pageUrl == null;
  }

  /**
   * Writes the cursor as text for storage.
   *
   * @return {@code <skip> <pageUrl>}, or {@code done}
   */
  public String asString() {
    return isDone() ? "done" : skip + " " + pageUrl;
  }

  /**
   * Reads a cursor written by {@link #asString()}.
   *
   * @param text the stored text
   * @return the cursor
   * @throws IllegalArgumentException if the text is not such a cursor
   */
  public static QueryCursor parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.equals("done")) {
      return DONE;
    }
    int space = text.indexOf(' ');
    try {
      return new QueryCursor(text.substring(space + 1), Integer.parseInt(text.substring(0, Math.max(space, 0))));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a stored query cursor: '"
          + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'", e);
    }
  }
}
