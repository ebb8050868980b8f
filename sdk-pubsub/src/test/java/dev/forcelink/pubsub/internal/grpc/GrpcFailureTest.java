package dev.forcelink.pubsub.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

class GrpcFailureTest {

  private static GrpcFailure failure(Status status, String code) {
    Metadata trailers = new Metadata();
    if (code != null) {
      trailers.put(GrpcFailure.ERROR_CODE, GrpcFailure.CODE_PREFIX + code);
    }
    return GrpcFailure.of(status.withDescription("something rpcId: 3f1c2a9e-0000-4000-8000-000000000001")
        .asRuntimeException(trailers));
  }

  @Test
  void classifiesSalesforceSignals() {
    assertThat(failure(Status.UNAUTHENTICATED, "service.auth.error").action()).isEqualTo(GrpcFailure.Action.REFRESH_AUTH);
    assertThat(failure(Status.INVALID_ARGUMENT, "subscription.fetch.replayid.corrupted").action())
        .isEqualTo(GrpcFailure.Action.REPLAY_GAP);
    assertThat(failure(Status.INVALID_ARGUMENT, "subscription.fetch.replayid.validation.failed").action())
        .isEqualTo(GrpcFailure.Action.REPLAY_GAP);
    assertThat(failure(Status.UNAVAILABLE, null).action()).isEqualTo(GrpcFailure.Action.RETRY);
    assertThat(failure(Status.INTERNAL, "service.unavailable").action()).isEqualTo(GrpcFailure.Action.RETRY);
    assertThat(failure(Status.DEADLINE_EXCEEDED, null).action()).isEqualTo(GrpcFailure.Action.RETRY);
    assertThat(failure(Status.NOT_FOUND, "topic.not.found").action()).isEqualTo(GrpcFailure.Action.FAIL);
    assertThat(failure(Status.INVALID_ARGUMENT, "subscription.fetch.topic.mismatch").action())
        .isEqualTo(GrpcFailure.Action.FAIL);
  }

  @Test
  void carriesTheErrorCodeAndRpcIdIntoTheException() {
    var e = failure(Status.NOT_FOUND, "topic.not.found").toException("GetTopic /event/X", "trace-1");
    assertThat(e.errorCode()).contains("sfdc.platform.eventbus.grpc.topic.not.found");
    assertThat(e.rpcId()).contains("3f1c2a9e-0000-4000-8000-000000000001");
    assertThat(e.correlationId()).contains("trace-1");
    assertThat(e.getMessage()).startsWith("GetTopic /event/X failed: NOT_FOUND, error-code sfdc.platform.eventbus.grpc.topic.not.found");
  }
}
