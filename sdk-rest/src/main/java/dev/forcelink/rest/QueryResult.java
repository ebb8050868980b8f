package dev.forcelink.rest;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A query result read lazily, page by page: the first page is fetched by the query call, and each
 * further page ({@code nextRecordsUrl}) only when iteration reaches it. Only the current page is
 * held, so memory stays bounded to one page whatever the result's size.
 *
 * <pre>{@code
 * try (QueryResult<SObject> accounts = rest.query("SELECT Id, Name FROM Account")) {
 *   for (SObject a : accounts) {
 *     process(a);
 *   }
 * }
 * }</pre>
 *
 * <p>The result can be iterated once (by {@link #iterator()}, {@link #forEach} or
 * {@link #stream()}). A page fetch that fails on a dropped connection is retried by the
 * connection's retry policy, and iteration continues with no row lost or repeated; if it still
 * fails, the exception comes out of {@code hasNext()} and {@link #cursor()} still tells where to
 * {@linkplain RestClient#resume(QueryCursor) resume}.
 *
 * <p>Not thread-safe: iterate from one thread at a time.
 *
 * @param <T> the record type
 */
public final class QueryResult<T> implements Iterable<T>, AutoCloseable {
  /** Told about each page the result loads; lets tests check that pages are not kept. */
  interface PageObserver {
    void loaded(List<?> records);
  }

  private final Function<String, QueryPage<T>> fetch;
  private final PageObserver observer;
  private final long totalSize;
  private QueryPage<T> page;
  private String pageUrl;
  private int index;
  private boolean iterating;
  private boolean closed;

  QueryResult(QueryPage<T> first, String firstUrl, int skip, Function<String, QueryPage<T>> fetch,
      PageObserver observer) {
    this.fetch = fetch;
    this.observer = observer;
    this.totalSize = first.totalSize();
    this.page = first;
    this.pageUrl = firstUrl;
    this.index = Math.min(skip, first.records().size());
    observer.loaded(first.records());
  }

  /** @return how many records the whole result holds, as Salesforce reported on the first page */
  public long totalSize() {
    return totalSize;
  }

  /**
   * Returns where the result stands now: the next record to be returned. Pass it to
   * {@link RestClient#resume(QueryCursor)} to continue later.
   *
   * @return the cursor; {@link QueryCursor#isDone()} when nothing remains
   * @throws IllegalStateException for a {@linkplain RestClient#children(RelatedRecords) child
   *     result} still among the records that came nested in the parent: no URL serves them again,
   *     so a cursor exists only once iteration has moved past them
   */
  public QueryCursor cursor() {
    if (!closed && index < page.records().size()) {
      if (pageUrl == null) {
        throw new IllegalStateException("These child records came nested in their parent record and no URL serves"
            + " them again, so no cursor can point into them; read past them first, or keep the parent query's"
            + " cursor instead");
      }
      return new QueryCursor(pageUrl, index);
    }
    return page.nextCursor();
  }

  /**
   * Returns the iterator over every record of the result, fetching pages as it goes.
   *
   * @return the iterator; its {@code hasNext()} may throw the exceptions a page fetch throws
   * @throws IllegalStateException if the result was already iterated or is closed
   */
  @Override
  public Iterator<T> iterator() {
    if (closed) {
      throw new IllegalStateException("This query result is closed");
    }
    if (iterating) {
      throw new IllegalStateException("A query result can be iterated once; run the query again or resume "
          + "from its cursor()");
    }
    iterating = true;
    return new Iterator<T>() {
      @Override
      public boolean hasNext() {
        return advance();
      }

      @Override
      public T next() {
        if (!advance()) {
          throw new NoSuchElementException("The query result has no more records");
        }
        return page.records().get(index++);
      }
    };
  }

  @Override
  public void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    Iterator<T> it = iterator();
    while (it.hasNext()) {
      action.accept(it.next());
    }
  }

  /**
   * Returns the records as a sequential, lazy stream; closing the stream closes this result.
   *
   * @return the stream
   * @throws IllegalStateException if the result was already iterated or is closed
   */
  public Stream<T> stream() {
    Spliterator<T> s = Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(s, false).onClose(this::close);
  }

  /** Drops the current page; later iteration ends. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      page = new QueryPage<>(List.of(), totalSize, true, null, page.reader, page.options);
      index = 0;
    }
  }

  private boolean advance() {
    while (!closed && index >= page.records().size()) {
      String next = page.nextRecordsUrl().orElse(null);
      if (next == null) {
        return false;
      }
      QueryPage<T> loaded = fetch.apply(next);
      // Replace the old page only after the fetch succeeded, so a failure leaves the cursor right.
      page = loaded;
      pageUrl = next;
      index = 0;
      observer.loaded(loaded.records());
    }
    return !closed;
  }

  @Override
  public String toString() {
    boolean nested = !closed && pageUrl == null && index < page.records().size();
    return "QueryResult{totalSize=" + totalSize + ", cursor=" + (nested ? "nested in the parent" : cursor().asString())
        + "}";
  }
}
