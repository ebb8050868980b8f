package dev.forcelink.core.http;

import java.util.Locale;

/**
 * Whether a request may be sent again after its bytes may have reached the server. The retry
 * pipeline uses it as a guard: a {@link #NON_IDEMPOTENT} request is retried only after failures that
 * prove nothing was sent (connection refused, connect timeout, a local refusal, a 401).
 */
public enum Idempotency {
  /** Sending the request twice has the same effect as once (GET, PUT, DELETE, PATCH by id). */
  IDEMPOTENT,
  /**
   * Not naturally idempotent but protected against duplicates: an upsert by external id, a request
   * carrying an idempotency key, or a call whose effect is checked against a ledger before a
   * resend. Retried like an idempotent request.
   */
  PROTECTED,
  /** Sending the request twice may act twice (a plain POST create). */
  NON_IDEMPOTENT;

  /**
   * Returns the default for an HTTP method: GET, HEAD, OPTIONS, PUT, DELETE and PATCH are
   * {@link #IDEMPOTENT} (Salesforce PATCH updates by id or upserts by external id); POST and any
   * other method are {@link #NON_IDEMPOTENT}.
   *
   * @param method the HTTP method, in any case
   * @return the default idempotency
   * @throws NullPointerException if {@code method} is null
   */
  public static Idempotency defaultFor(String method) {
    switch (method.toUpperCase(Locale.ROOT)) {
      case "GET":
      case "HEAD":
      case "OPTIONS":
      case "PUT":
      case "DELETE":
      case "PATCH":
        return IDEMPOTENT;
      default:
        return NON_IDEMPOTENT;
    }
  }

  /**
   * Tells whether a request of this kind may be resent after its bytes may have reached the
   * server.
   *
   * @return true for {@link #IDEMPOTENT} and {@link #PROTECTED}
   */
  public boolean isSafeToResend() {
    return this != NON_IDEMPOTENT;
  }
}
