package dev.forcelink.benchmarks.pubsub;

import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.FetchRequest;
import dev.forcelink.pubsub.internal.proto.FetchResponse;
import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.pubsub.internal.proto.SchemaRequest;
import dev.forcelink.pubsub.internal.proto.TopicRequest;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * A subscriber written straight on the generated grpc-java stubs and Avro, the baseline the client is
 * measured against. It decodes every event on the gRPC thread with one cached {@link
 * GenericDatumReader} and a reused {@link BinaryDecoder}, and follows one of two flow controls:
 * {@link FlowControl#PIPELINED} keeps up to 100 events requested and tops up at 50 outstanding;
 * {@link FlowControl#STOP_AND_WAIT} asks for 5 and asks again only once the server owes nothing, as
 * Salesforce's official Java example does. The checksum it returns sums {@code Amount__c} where
 * the schema has that field, as the client's benchmark handler does.
 *
 * <p>One use per instance; not thread-safe.
 */
final class RawSubscriber {
  /** How the subscriber asks for events. */
  enum FlowControl {
    /** Up to 100 outstanding, topped up at 50. */
    PIPELINED(100, 50),
    /** 5 at a time, asking again only when none are outstanding. */
    STOP_AND_WAIT(5, 0);

    final int batch;
    final int refillAt;

    FlowControl(int batch, int refillAt) {
      this.batch = batch;
      this.refillAt = refillAt;
    }
  }

  private final PubSubGrpc.PubSubStub stub;
  private final GenericDatumReader<GenericRecord> reader;
  private final String schemaId;
  private final String schemaJson;
  private final boolean hasAmount;
  private BinaryDecoder decoder;
  private volatile byte[] lastPayload;

  RawSubscriber(PubSubGrpc.PubSubStub stub, PubSubGrpc.PubSubBlockingStub blocking, String topic) {
    this.stub = stub;
    this.schemaId = blocking.getTopic(TopicRequest.newBuilder().setTopicName(topic).build()).getSchemaId();
    this.schemaJson = blocking.getSchema(SchemaRequest.newBuilder().setSchemaId(schemaId).build()).getSchemaJson();
    Schema schema = new Schema.Parser().parse(schemaJson);
    this.reader = new GenericDatumReader<>(schema);
    this.hasAmount = schema.getField("Amount__c") != null;
  }

  /**
   * Reads {@code count} events of {@code topic} from the earliest one, decoding each.
   *
   * @return a checksum of one decoded field, so that decoding cannot be skipped
   */
  CompletableFuture<Double> consume(String topic, int count, FlowControl flow) {
    CompletableFuture<Double> done = new CompletableFuture<>();
    stub.subscribe(new ClientResponseObserver<FetchRequest, FetchResponse>() {
      private ClientCallStreamObserver<FetchRequest> requests;
      private int received;
      private double checksum;

      @Override
      public void beforeStart(ClientCallStreamObserver<FetchRequest> requestStream) {
        this.requests = requestStream;
      }

      @Override
      public void onNext(FetchResponse response) {
        for (ConsumerEvent event : response.getEventsList()) {
          if (!event.getEvent().getSchemaId().equals(schemaId)) {
            done.completeExceptionally(new IllegalStateException("unexpected schema " + event.getEvent().getSchemaId()));
            return;
          }
          byte[] payload = event.getEvent().getPayload().toByteArray();
          checksum += decode(payload);
          received++;
          if (received == count) {
            lastPayload = payload;
          }
        }
        if (received >= count) {
          requests.cancel("done", null);
          done.complete(checksum);
          return;
        }
        int pending = response.getPendingNumRequested();
        if (pending <= flow.refillAt) {
          requests.onNext(FetchRequest.newBuilder().setTopicName(topic).setNumRequested(flow.batch - pending).build());
        }
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        done.completeExceptionally(new IllegalStateException("the server ended the stream after " + received));
      }
    }).onNext(FetchRequest.newBuilder().setTopicName(topic).setReplayPreset(ReplayPreset.EARLIEST)
        .setNumRequested(flow.batch).build());
    return done;
  }

  /** Returns the schema id of the topic's events. */
  String schemaId() {
    return schemaId;
  }

  /** Returns the topic's Avro schema as the server sent it. */
  String schemaJson() {
    return schemaJson;
  }

  /** Returns the payload of the last event {@link #consume} counted, once it completed. */
  byte[] lastPayload() {
    return lastPayload;
  }

  private double decode(byte[] payload) {
    decoder = DecoderFactory.get().binaryDecoder(payload, decoder);
    try {
      GenericRecord record = reader.read(null, decoder);
      return hasAmount ? ((Number) record.get("Amount__c")).doubleValue() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
