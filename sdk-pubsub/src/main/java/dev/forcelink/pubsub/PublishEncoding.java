package dev.forcelink.pubsub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import dev.forcelink.pubsub.internal.avro.AvroCodec;
import dev.forcelink.pubsub.internal.avro.AvroValues;
import dev.forcelink.pubsub.internal.avro.SchemaEntry;
import dev.forcelink.pubsub.internal.proto.ProducerEvent;
import dev.forcelink.pubsub.internal.proto.PublishRequest;
import dev.forcelink.pubsub.internal.proto.PublishResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns publish input into {@code PublishRequest}s within Salesforce's limits, and publish responses
 * back into per-event results. All checks happen before anything is sent.
 */
final class PublishEncoding {
  /** Largest event payload: 1 MB. */
  static final int MAX_EVENT_BYTES = 1024 * 1024;
  /** Largest request Salesforce recommends: 3 MB (the hard gRPC limit is 4 MB). */
  static final int MAX_REQUEST_BYTES = 3 * 1024 * 1024;
  /** Most events per request Salesforce recommends. */
  static final int MAX_EVENTS_PER_REQUEST = 200;

  private PublishEncoding() {}

  /**
   * Encodes each event with the topic's schema.
   *
   * @throws IllegalArgumentException naming the event's index if one does not fit the schema or is
   *     over 1 MB
   */
  static List<ProducerEvent> encode(SchemaEntry schema, List<?> events, ObjectMapper mapper) {
    Objects.requireNonNull(events, "events");
    List<ProducerEvent> out = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      Object item = events.get(i);
      if (item == null) {
        throw new IllegalArgumentException("Event " + i + " is null");
      }
      String id = OutgoingEvent.idOf(item).orElseGet(() -> UUID.randomUUID().toString());
      Object payload = item instanceof OutgoingEvent e ? e.payload() : item;
      byte[] bytes;
      try {
        bytes = AvroCodec.encode(schema, toRecord(payload, schema, mapper));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Event " + i + " (id " + id + "): " + e.getMessage(), e);
      }
      if (bytes.length > MAX_EVENT_BYTES) {
        throw new IllegalArgumentException("Event " + i + " (id " + id + ") is " + bytes.length
            + " bytes once encoded; Salesforce accepts at most " + MAX_EVENT_BYTES
            + " bytes (1 MB) per event. Nothing was published.");
      }
      out.add(ProducerEvent.newBuilder().setId(id).setSchemaId(schema.schemaId())
          .setPayload(ByteString.copyFrom(bytes)).build());
    }
    return out;
  }

  private static GenericRecord toRecord(Object payload, SchemaEntry schema, ObjectMapper mapper) {
    if (payload instanceof GenericRecord record) {
      return record.getSchema().equals(schema.schema()) ? record : AvroValues.fromPlainMap(AvroValues.toPlainMap(record), schema.schema());
    }
    if (payload instanceof Map<?, ?> map) {
      return AvroValues.fromPlainMap(map, schema.schema());
    }
    Map<?, ?> map;
    try {
      map = mapper.convertValue(payload, Map.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot turn a " + payload.getClass().getName()
          + " into field values with Jackson: " + e.getMessage(), e);
    }
    return AvroValues.fromPlainMap(map, schema.schema());
  }

  /** Splits events, in order, into requests of at most 200 events and 3 MB. */
  static List<PublishRequest> split(String topic, List<ProducerEvent> events) {
    List<PublishRequest> requests = new ArrayList<>();
    int base = CodedOutputStream.computeStringSize(1, topic);
    PublishRequest.Builder current = PublishRequest.newBuilder().setTopicName(topic);
    int size = base;
    for (ProducerEvent event : events) {
      int eventSize = CodedOutputStream.computeMessageSize(2, event);
      if (current.getEventsCount() > 0
          && (current.getEventsCount() >= MAX_EVENTS_PER_REQUEST || size + eventSize > MAX_REQUEST_BYTES)) {
        requests.add(current.build());
        current = PublishRequest.newBuilder().setTopicName(topic);
        size = base;
      }
      current.addEvents(event);
      size += eventSize;
    }
    if (current.getEventsCount() > 0) {
      requests.add(current.build());
    }
    return requests;
  }

  /**
   * Matches results to the request's events by correlation key (the event id), falling back to
   * position for results without a key.
   */
  static List<PublishResult> results(PublishRequest request, PublishResponse response) {
    Map<String, dev.forcelink.pubsub.internal.proto.PublishResult> byKey = new HashMap<>();
    for (dev.forcelink.pubsub.internal.proto.PublishResult r : response.getResultsList()) {
      if (!r.getCorrelationKey().isEmpty()) {
        byKey.put(r.getCorrelationKey(), r);
      }
    }
    List<PublishResult> out = new ArrayList<>(request.getEventsCount());
    for (int i = 0; i < request.getEventsCount(); i++) {
      String id = request.getEvents(i).getId();
      dev.forcelink.pubsub.internal.proto.PublishResult r = byKey.get(id);
      if (r == null && byKey.isEmpty() && i < response.getResultsCount()) {
        r = response.getResults(i);
      }
      out.add(toResult(id, r, response.getRpcId()));
    }
    return out;
  }

  private static PublishResult toResult(String id, dev.forcelink.pubsub.internal.proto.PublishResult r, String rpcId) {
    if (r == null) {
      return PublishResult.failure(id, "The server returned no result for this event (rpcId " + rpcId + ")");
    }
    if (r.hasError() && !(r.getError().getMsg().isEmpty() && r.getError().getCodeValue() == 0)) {
      return PublishResult.failure(id, r.getError().getCode() + ": " + r.getError().getMsg());
    }
    if (r.getReplayId().isEmpty()) {
      return PublishResult.failure(id, "The server returned neither a replay id nor an error (rpcId " + rpcId + ")");
    }
    return PublishResult.success(id, ReplayId.of(r.getReplayId().toByteArray()));
  }
}
