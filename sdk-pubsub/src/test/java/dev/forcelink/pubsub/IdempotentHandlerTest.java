package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.idempotency.InMemoryProcessedMessageLedger;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class IdempotentHandlerTest {

  private static PubSubEvent event(String producerId, long replay) {
    return new PubSubEvent("/event/X", ReplayId.of(FakePubSub.replayId(replay).toByteArray()), producerId, "s", new byte[0],
        new PubSubEvent.Decoder() {
          @Override
          public GenericRecord decode(String schemaId, byte[] payload) {
            return Orders.order((int) replay);
          }

          @Override
          public <T> T convert(Map<String, Object> plain, Class<T> type) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Map<String, Object> toPlain(GenericRecord record) {
            throw new UnsupportedOperationException();
          }
        }, seq -> {}, replay);
  }

  @Test
  void aRedeliveredEventRunsOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    EventHandler h = IdempotentHandler.wrap(e -> runs.incrementAndGet(), InMemoryProcessedMessageLedger.create());
    h.handle(event("id-1", 1));
    h.handle(event("id-1", 2));
    h.handle(event("", 3));
    h.handle(event("", 4));
    assertThat(runs).hasValue(3);
  }

  @Test
  void aFailedEventIsNotRecordedAndCheckedExceptionsPassThrough() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    EventHandler h = IdempotentHandler.wrap(e -> {
      if (runs.incrementAndGet() == 1) {
        throw new IOException("downstream down");
      }
    }, InMemoryProcessedMessageLedger.create());
    assertThatThrownBy(() -> h.handle(event("id-1", 1))).isInstanceOf(IOException.class).hasMessage("downstream down");
    h.handle(event("id-1", 1));
    h.handle(event("id-1", 1));
    assertThat(runs).hasValue(2);
  }

  @Test
  void eventIdFallsBackToEventUuid() {
    assertThat(event("", 7).eventId()).isEqualTo("uuid-7");
    assertThat(event("producer", 7).eventId()).isEqualTo("producer");
  }
}
