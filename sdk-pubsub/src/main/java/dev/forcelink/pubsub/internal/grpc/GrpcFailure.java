package dev.forcelink.pubsub.internal.grpc;

import dev.forcelink.pubsub.PubSubException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed gRPC call seen through Salesforce's conventions: the status, the {@code error-code}
 * trailer and the {@code rpcId} (in the description, {@code "… rpcId: <uuid>"}, or a trailer), and
 * what a client should do about it. Immutable and thread-safe.
 *
 * @param status the gRPC status code
 * @param errorCode the {@code error-code} trailer, or null
 * @param rpcId the rpc id, or null
 * @param description the status description, or null
 * @param cause the original throwable
 */
public record GrpcFailure(Status.Code status, String errorCode, String rpcId, String description, Throwable cause) {
  /** Prefix of every Salesforce Pub/Sub error code. */
  public static final String CODE_PREFIX = "sfdc.platform.eventbus.grpc.";
  /** Trailer carrying the Salesforce error code. */
  public static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);
  // Salesforce does not document a trailer for the rpc id; accept the likely spellings.
  private static final Metadata.Key<String> RPC_ID = Metadata.Key.of("rpc-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> RPC_ID_PLAIN = Metadata.Key.of("rpcid", Metadata.ASCII_STRING_MARSHALLER);
  private static final Pattern RPC_ID_IN_TEXT = Pattern.compile("rpcId:\\s*([A-Za-z0-9-]+)");

  /** What the client should do after the failure. */
  public enum Action {
    /** Refresh the token, then try again. */
    REFRESH_AUTH,
    /** The replay id was rejected: apply the gap policy. */
    REPLAY_GAP,
    /** Transient: back off, then try again. */
    RETRY,
    /** Permanent: give up and report. */
    FAIL
  }

  /**
   * Reads a failure from anything a gRPC call may throw or report.
   *
   * @param t the throwable
   * @return the failure; status {@code UNKNOWN} for a throwable that carries no status
   */
  public static GrpcFailure of(Throwable t) {
    Status status = Status.fromThrowable(t);
    Metadata trailers = Status.trailersFromThrowable(t);
    String code = trailers == null ? null : trailers.get(ERROR_CODE);
    String description = status.getDescription();
    String rpcId = trailers == null ? null : firstNonNull(trailers.get(RPC_ID), trailers.get(RPC_ID_PLAIN));
    if (rpcId == null && description != null) {
      Matcher m = RPC_ID_IN_TEXT.matcher(description);
      rpcId = m.find() ? m.group(1) : null;
    }
    if (!(t instanceof StatusRuntimeException) && !(t instanceof StatusException) && status.getCode() == Status.Code.UNKNOWN
        && description == null) {
      description = t.toString();
    }
    return new GrpcFailure(status.getCode(), code, rpcId, description, t);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  /**
   * Tells whether the error code ends with {@code suffix} (the part after {@link #CODE_PREFIX}).
   *
   * @param suffix such as {@code service.auth.error}
   * @return true on a match
   */
  public boolean hasCode(String suffix) {
    return errorCode != null && errorCode.toLowerCase(Locale.ROOT).endsWith(suffix);
  }

  /**
   * Classifies the failure: auth errors ({@code UNAUTHENTICATED}, {@code service.auth.error}) refresh,
   * replay id errors go to the gap policy, {@code UNAVAILABLE} (RST_STREAM, GOAWAY), deadlines,
   * {@code INTERNAL}, {@code service.unavailable}, throttling and a managed subscription whose previous
   * stream is still active retry, everything else fails.
   *
   * @return the action
   */
  public Action action() {
    if (hasCode("subscription.fetch.replayid.corrupted") || hasCode("subscription.fetch.replayid.validation.failed")) {
      return Action.REPLAY_GAP;
    }
    if (status == Status.Code.UNAUTHENTICATED || hasCode("service.auth.error")) {
      return Action.REFRESH_AUTH;
    }
    if (hasCode("service.unavailable") || hasCode("concurrent.client.limit.exceeded")
        || hasCode("service.protection.triggered") || hasCode("service.protection.stream.limit.triggered")
        || hasCode("subscription.internal.error")) {
      return Action.RETRY;
    }
    // The server lets one stream per managed subscription run, and notices a cancelled stream only after a
    // moment: reopening at once (a resubscription, a quick restart) meets the old stream still active.
    if (hasCode("managed.subscription.already.active")) {
      return Action.RETRY;
    }
    return switch (status) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, ABORTED, CANCELLED, UNKNOWN -> Action.RETRY;
      default -> Action.FAIL;
    };
  }

  /**
   * Describes the failure for logs and events: status, error code and rpc id; never metadata.
   *
   * @return a short description
   */
  public String describe() {
    StringBuilder b = new StringBuilder(status.name());
    if (errorCode != null) {
      b.append(" error-code ").append(errorCode);
    }
    if (rpcId != null) {
      b.append(" rpcId ").append(rpcId);
    }
    if (description != null && !description.isBlank()) {
      b.append(": ").append(description.length() > 200 ? description.substring(0, 200) + "…" : description);
    }
    return b.toString();
  }

  /**
   * Turns the failure into the public exception.
   *
   * @param summary what failed, such as {@code Subscribe to /event/X}
   * @param traceId the {@code x-client-trace-id} of the call, or null
   * @return the exception
   */
  public PubSubException toException(String summary, String traceId) {
    return toException(summary, traceId, null);
  }

  /**
   * Turns the failure into the public exception, with advice after the server's description.
   *
   * @param summary what failed
   * @param traceId the {@code x-client-trace-id} of the call, or null
   * @param advice what to do about it, or null
   * @return the exception
   */
  public PubSubException toException(String summary, String traceId, String advice) {
    String text = advice == null ? description : (description == null ? advice : description + " — " + advice);
    return new PubSubException(summary, status.name(), errorCode, rpcId, text, traceId,
        action() == Action.RETRY, cause);
  }
}
