package dev.forcelink.rest;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.http.SalesforceResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Runs {@link RestCall}s on a connection, blocking or not. Thread-safe. */
final class Transport {
  private final SalesforceConnection connection;

  Transport(SalesforceConnection connection) {
    this.connection = connection;
  }

  SalesforceConnection connection() {
    return connection;
  }

  <T> T execute(RestCall<T> call) {
    SalesforceResponse<byte[]> response;
    try {
      response = connection.sendForBytes(call.request);
    } catch (RuntimeException e) {
      throw call.errors.apply(e);
    }
    return call.decode(response);
  }

  <T> CompletableFuture<T> executeAsync(RestCall<T> call) {
    CompletableFuture<SalesforceResponse<byte[]>> sent;
    try {
      sent = connection.sendAsync(call.request, BodyHandlers.ofByteArray());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(call.errors.apply(e));
    }
    return sent.handle((response, failure) -> {
      if (failure != null) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RuntimeException) {
          throw new CompletionException(call.errors.apply((RuntimeException) cause));
        }
        throw new CompletionException(cause);
      }
      return call.decode(response);
    });
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
