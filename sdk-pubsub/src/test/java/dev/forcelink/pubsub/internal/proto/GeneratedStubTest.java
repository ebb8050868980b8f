package dev.forcelink.pubsub.internal.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stubs generated from pubsub_api.proto carry calls end to end over an in-process channel. */
class GeneratedStubTest {
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws IOException {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(new TopicOnlyService()).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void getTopicRoundTripsThroughTheGeneratedStub() {
    TopicInfo info = PubSubGrpc.newBlockingStub(channel)
        .getTopic(TopicRequest.newBuilder().setTopicName("/data/AccountChangeEvent").build());

    assertThat(info.getTopicName()).isEqualTo("/data/AccountChangeEvent");
    assertThat(info.getCanSubscribe()).isTrue();
    assertThat(info.getCanPublish()).isFalse();
    assertThat(info.getSchemaId()).isEqualTo("schema-1");
    assertThat(info.getRpcId()).isEqualTo("rpc-1");
  }

  @Test
  void serverErrorsReachTheCallerAsStatus() {
    TopicRequest unknown = TopicRequest.newBuilder().setTopicName("/event/Nope__e").build();

    assertThatThrownBy(() -> PubSubGrpc.newBlockingStub(channel).getTopic(unknown))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThatThrownBy(() -> PubSubGrpc.newBlockingStub(channel).getSchema(SchemaRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
  }

  private static final class TopicOnlyService extends PubSubGrpc.PubSubImplBase {
    @Override
    public void getTopic(TopicRequest request, StreamObserver<TopicInfo> responseObserver) {
      if (!request.getTopicName().equals("/data/AccountChangeEvent")) {
        responseObserver.onError(Status.NOT_FOUND.withDescription("topic not found").asRuntimeException());
        return;
      }
      responseObserver.onNext(TopicInfo.newBuilder()
          .setTopicName(request.getTopicName())
          .setCanSubscribe(true)
          .setSchemaId("schema-1")
          .setRpcId("rpc-1")
          .build());
      responseObserver.onCompleted();
    }
  }
}
