package dev.forcelink.pubsub;

import dev.forcelink.core.exception.ForcelinkException;
import java.util.Objects;
import java.util.Optional;

/**
 * A Pub/Sub call or stream failed on the server's side or on the way there. Carries the gRPC status,
 * the Salesforce {@code error-code} trailer (such as {@code
 * sfdc.platform.eventbus.grpc.service.auth.error}) and the server's {@code rpcId}, all of which also
 * appear in {@link #getMessage()}.
 *
 * <p>Immutable and thread-safe. Never carries a token.
 */
public class PubSubException extends ForcelinkException {
  private static final long serialVersionUID = 1L;

  private final String status;
  private final String errorCode;
  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param summary what failed, such as {@code Subscribe to /event/Order_Event__e}
   * @param status the gRPC status code name, such as {@code UNAVAILABLE}
   * @param errorCode the {@code error-code} trailer, or null if the server sent none
   * @param rpcId the server's rpc id, or null if unknown
   * @param description the server's status description, or null
   * @param traceId the {@code x-client-trace-id} sent with the call, or null
   * @param retryable whether the same call may succeed if made again
   * @param cause the underlying failure, or null
   * @throws NullPointerException if {@code summary} or {@code status} is null
   */
  public PubSubException(String summary, String status, String errorCode, String rpcId, String description,
      String traceId, boolean retryable, Throwable cause) {
    super(message(summary, status, errorCode, rpcId, description), cause, traceId, rpcId);
    this.status = Objects.requireNonNull(status, "status");
    this.errorCode = errorCode;
    this.retryable = retryable;
  }

  private static String message(String summary, String status, String errorCode, String rpcId, String description) {
    StringBuilder b = new StringBuilder(Objects.requireNonNull(summary, "summary")).append(" failed: ")
        .append(Objects.requireNonNull(status, "status"));
    if (errorCode != null) {
      b.append(", error-code ").append(errorCode);
    }
    if (description != null && !description.isBlank()) {
      String text = description.length() > 800 ? description.substring(0, 800) + "…" : description;
      b.append(": ").append(text);
    }
    if (rpcId != null && (description == null || !description.contains(rpcId))) {
      b.append(" (rpcId ").append(rpcId).append(')');
    }
    return b.toString();
  }

  /**
   * Returns the gRPC status code name, such as {@code UNAVAILABLE} or {@code UNAUTHENTICATED}.
   *
   * @return the status name
   */
  public String status() {
    return status;
  }

  /**
   * Returns the Salesforce {@code error-code} trailer.
   *
   * @return the error code, if the server sent one
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * Returns the server's rpc id (the same value as {@link #requestId()}).
   *
   * @return the rpc id, if known
   */
  public Optional<String> rpcId() {
    return requestId();
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
