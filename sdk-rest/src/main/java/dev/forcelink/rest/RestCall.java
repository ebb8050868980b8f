package dev.forcelink.rest;

import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One REST operation as data: the request, how to read its successful response, and how to
 * re-type its failures. The sync and async clients run the same calls, so both behave alike.
 *
 * @param <T> the result type
 */
final class RestCall<T> {
  /** Reads a successful response. */
  @FunctionalInterface
  interface Decoder<T> {
    T decode(SalesforceResponse<byte[]> response) throws IOException;
  }

  final SalesforceRequest request;
  final Decoder<T> decoder;
  final UnaryOperator<RuntimeException> errors;

  RestCall(SalesforceRequest request, Decoder<T> decoder, UnaryOperator<RuntimeException> errors) {
    this.request = Objects.requireNonNull(request);
    this.decoder = Objects.requireNonNull(decoder);
    this.errors = Objects.requireNonNull(errors);
  }

  RestCall(SalesforceRequest request, Decoder<T> decoder) {
    this(request, decoder, UnaryOperator.identity());
  }

  T decode(SalesforceResponse<byte[]> response) {
    try {
      return decoder.decode(response);
    } catch (IOException | RuntimeException e) {
      if (e instanceof dev.forcelink.core.exception.ForcelinkException) {
        throw (RuntimeException) e;
      }
      throw Responses.decodeFailure(request, response, e);
    }
  }
}
