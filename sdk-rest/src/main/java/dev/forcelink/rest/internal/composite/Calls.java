package dev.forcelink.rest.internal.composite;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sends a request on either path with one shape: the synchronous path calls
 * {@link SalesforceConnection#send} on the caller's thread and returns an already completed
 * future, so the code that follows runs inline; the asynchronous path uses
 * {@link SalesforceConnection#sendAsync} and never blocks a thread. Stateless and thread-safe.
 */
public final class Calls {
  private Calls() {}

  /**
   * Sends a request and reads the body as bytes.
   *
   * @param connection the connection
   * @param request the request
   * @param async whether to use the asynchronous path
   * @return the response future; on the synchronous path it is already complete
   */
  public static CompletableFuture<SalesforceResponse<byte[]>> send(SalesforceConnection connection,
      SalesforceRequest request, boolean async) {
    if (async) {
      return connection.sendAsync(request, BodyHandlers.ofByteArray());
    }
    try {
      return CompletableFuture.completedFuture(connection.sendForBytes(request));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Returns the value of a future that the synchronous path completed, rethrowing its failure
   * as the original unchecked exception.
   *
   * @param future a completed future (or one to wait for, when concurrency made it asynchronous)
   * @param <T> the value type
   * @return the value
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Salesforce", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  /**
   * Returns the cause hidden in a completion wrapper as an unchecked exception.
   *
   * @param error the failure
   * @return the exception to throw
   */
  public static RuntimeException unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new CompletionException(cause);
  }
}
