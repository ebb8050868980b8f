package dev.forcelink.pubsub;

import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.pubsub.cdc.ChangeEventHeader;
import dev.forcelink.pubsub.internal.cdc.ChangeEventHeaders;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.apache.avro.generic.GenericRecord;

/**
 * One event received from a subscription. The payload is decoded lazily, on the thread that first
 * asks for it, with the schema named by {@link #schemaId()} (fetched once per schema id and cached).
 *
 * <p>For a {@link java.util.concurrent.Flow} subscription, call {@link #ack()} once the event is
 * processed: only acknowledged events move the stored replay position. Handler subscriptions
 * acknowledge for you when the handler returns.
 *
 * <p>Thread-safe. The decoded record is shared: treat it as read-only.
 */
public final class PubSubEvent {
  private static final String EVENT_UUID_FIELD = "EventUuid";

  /** Decodes payloads; implemented by the client. */
  interface Decoder {
    GenericRecord decode(String schemaId, byte[] payload);

    <T> T convert(Map<String, Object> plain, Class<T> type);

    Map<String, Object> toPlain(GenericRecord record);
  }

  /** Told when an event is acknowledged; one per subscription, so no event carries its own callback. */
  interface Acknowledger {
    void processed(long seq);
  }

  private static final AtomicIntegerFieldUpdater<PubSubEvent> ACKED =
      AtomicIntegerFieldUpdater.newUpdater(PubSubEvent.class, "acked");

  private final String topic;
  private final ReplayId replayId;
  private final String producerId;
  private final String schemaId;
  private final byte[] payload;
  private final Decoder decoder;
  private final Acknowledger acknowledger;
  private final long seq;
  private volatile int acked;
  private volatile GenericRecord record;

  PubSubEvent(String topic, ReplayId replayId, String producerId, String schemaId, byte[] payload,
      Decoder decoder, Acknowledger acknowledger, long seq) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.replayId = Objects.requireNonNull(replayId, "replayId");
    this.producerId = producerId == null ? "" : producerId;
    this.schemaId = Objects.requireNonNull(schemaId, "schemaId");
    this.payload = Objects.requireNonNull(payload, "payload");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.acknowledger = Objects.requireNonNull(acknowledger, "acknowledger");
    this.seq = seq;
  }

  /**
   * Returns the topic (or managed subscription) the event came from.
   *
   * @return the topic name
   */
  public String topic() {
    return topic;
  }

  /**
   * Returns the event's replay id.
   *
   * @return the replay id
   */
  public ReplayId replayId() {
    return replayId;
  }

  /**
   * Returns an id that identifies the event across redeliveries: the {@code ProducerEvent.id} when
   * the server sent one, otherwise the payload's {@code EventUuid} field, otherwise the replay id in
   * hex.
   *
   * @return the event id
   * @throws ResponseDecodeException if the payload must be decoded to find the id and cannot be
   */
  public String eventId() {
    if (!producerId.isBlank()) {
      return producerId;
    }
    GenericRecord r = asGenericRecord();
    if (r.getSchema().getField(EVENT_UUID_FIELD) != null && r.get(EVENT_UUID_FIELD) != null) {
      return r.get(EVENT_UUID_FIELD).toString();
    }
    return replayId.toHex();
  }

  /**
   * Returns the id of the Avro schema the payload was written with.
   *
   * @return the schema id
   */
  public String schemaId() {
    return schemaId;
  }

  /**
   * Returns the payload's size in bytes.
   *
   * @return the size
   */
  public int payloadSize() {
    return payload.length;
  }

  /**
   * Returns the payload as an Avro record, decoded with its writer schema on first use.
   *
   * @return the record; do not modify it
   * @throws ResponseDecodeException if the payload cannot be decoded
   * @throws PubSubException if the schema cannot be fetched
   */
  public GenericRecord asGenericRecord() {
    GenericRecord r = record;
    if (r == null) {
      r = decoder.decode(schemaId, payload);
      record = r;
    }
    return r;
  }

  /**
   * Returns the payload as plain Java values: {@code String}, {@code Integer}, {@code Long}, {@code
   * Float}, {@code Double}, {@code Boolean}, {@code byte[]}, {@code List}, nested {@code Map}s and
   * null. Dates are days since the epoch and date-times epoch milliseconds, as on the wire.
   *
   * @return a new mutable map in schema field order
   * @throws ResponseDecodeException if the payload cannot be decoded
   * @throws PubSubException if the schema cannot be fetched
   */
  public Map<String, Object> asMap() {
    return decoder.toPlain(asGenericRecord());
  }

  /**
   * Binds the payload to a class through Jackson, from the {@link #asMap()} form. Unknown fields are
   * ignored; {@code Instant} properties read epoch milliseconds and {@code LocalDate} properties
   * days since the epoch.
   *
   * @param type the target class
   * @param <T> the target type
   * @return the bound object
   * @throws ResponseDecodeException if the payload cannot be decoded or bound
   * @throws PubSubException if the schema cannot be fetched
   */
  public <T> T as(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return decoder.convert(asMap(), type);
  }

  /**
   * Returns the Change Data Capture header, with bitmap fields decoded to field names.
   *
   * @return the header, empty if the event is not a change event
   * @throws ResponseDecodeException if the payload or its header cannot be decoded
   * @throws PubSubException if the schema cannot be fetched
   */
  public Optional<ChangeEventHeader> changeEventHeader() {
    GenericRecord r = asGenericRecord();
    if (r.getSchema().getField(ChangeEventHeaders.HEADER_FIELD) == null) {
      return Optional.empty();
    }
    return Optional.of(ChangeEventHeaders.decode(r));
  }

  /**
   * Marks the event processed, so the subscription may store its replay id once every earlier event
   * is processed too. Only the first call counts; later calls do nothing.
   */
  public void ack() {
    if (ACKED.compareAndSet(this, 0, 1)) {
      acknowledger.processed(seq);
    }
  }

  /**
   * Tells whether {@link #ack()} was called.
   *
   * @return true once acknowledged
   */
  public boolean isAcked() {
    return acked != 0;
  }

  /** Returns the subscription's sequence number of this event, for its bookkeeping. */
  long seq() {
    return seq;
  }

  /** Returns the topic, replay id, producer id and schema id; never the payload. */
  @Override
  public String toString() {
    return "PubSubEvent{topic=" + topic + ", replayId=" + replayId + ", id=" + producerId + ", schemaId=" + schemaId
        + ", payload=" + payload.length + " bytes}";
  }
}
