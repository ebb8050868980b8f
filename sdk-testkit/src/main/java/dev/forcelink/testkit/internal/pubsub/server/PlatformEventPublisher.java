package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.pubsub.internal.proto.ProducerEvent;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.ObjectKind;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.PublishedEvent;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.pubsub.AvroValues;
import dev.forcelink.testkit.internal.pubsub.OrgEventShapes;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts platform events published outside Pub/Sub (REST, Composite, {@code publishPlatformEvent}) on their topic: it
 * listens to the change log's published events, encodes each once with the event's schema and appends it to
 * {@code /event/<Name>__e}.
 *
 * <p>Thread-safe; runs on the publishing thread.
 */
final class PlatformEventPublisher implements Consumer<PublishedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformEventPublisher.class);

    private final EventBus bus;
    private final OrgSchema schema;

    PlatformEventPublisher(EventBus bus, OrgSchema schema) {
        this.bus = bus;
        this.schema = schema;
    }

    @Override
    public void accept(PublishedEvent published) {
        SObjectDef event = schema.find(published.eventName());
        if (event == null || event.kind() != ObjectKind.PLATFORM_EVENT) {
            LOG.warn("Published event {} is not a platform event of the org; it has no topic", published.eventName());
            return;
        }
        EventModel model = bus.platformModel(event);
        GenericData.Record record = new GenericData.Record(model.schema());
        record.put("CreatedDate", published.createdDate().toEpochMilli());
        record.put("CreatedById", published.createdById());
        record.put("EventUuid", published.eventUuid());
        for (Map.Entry<String, Object> value : published.values().entrySet()) {
            FieldDef field = event.field(value.getKey());
            if (field != null && field.custom() && model.schema().getField(field.name()) != null) {
                record.put(field.name(), AvroValues.toAvro(OrgEventShapes.typeOf(field.type()), value.getValue()));
            }
        }
        ProducerEvent producerEvent = ProducerEvent.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setSchemaId(model.schemaId())
                .setPayload(model.encode(record))
                .build();
        bus.topic(TopicNames.EVENT_PREFIX + event.name()).log().append(producerEvent, bus.nowMillis());
    }
}
