package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.pubsub.internal.proto.ProducerEvent;
import dev.forcelink.testkit.internal.PlatformEvents;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldValues;
import dev.forcelink.testkit.internal.org.ObjectKind;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.SalesforceIds;
import dev.forcelink.testkit.internal.pubsub.AvroValues;
import dev.forcelink.testkit.internal.pubsub.OrgEventShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericData;

/**
 * Publishes platform events given as field values (by the REST API), filling {@code CreatedDate},
 * {@code CreatedById} and {@code EventUuid} as Salesforce does, onto the event's topic.
 *
 * <p>Thread-safe.
 */
final class PlatformEventPublisher implements PlatformEvents.Sink {

    private final EventBus bus;
    private final OrgSchema schema;

    PlatformEventPublisher(EventBus bus, OrgSchema schema) {
        this.bus = bus;
        this.schema = schema;
    }

    @Override
    public String publish(String eventName, Map<String, ?> fields, String userId) {
        SObjectDef event = schema.find(eventName);
        if (event == null || event.kind() != ObjectKind.PLATFORM_EVENT) {
            throw new DmlException("INVALID_TYPE", "sObject type '" + eventName + "' is not supported.");
        }
        EventModel model = bus.platformModel(event);
        GenericData.Record record = new GenericData.Record(model.schema());
        long now = bus.nowMillis();
        record.put("CreatedDate", now);
        record.put("CreatedById", userId);
        record.put("EventUuid", UUID.randomUUID().toString());
        List<String> readOnly = new ArrayList<>();
        for (Map.Entry<String, ?> entry : fields.entrySet()) {
            if (entry.getKey().equals("attributes")) {
                continue;
            }
            FieldDef field = event.field(entry.getKey());
            if (field == null) {
                throw new DmlException("INVALID_FIELD", "No such column '" + entry.getKey()
                        + "' on sobject of type " + event.name(), List.of(entry.getKey()));
            }
            if (!field.custom()) {
                readOnly.add(field.name());
                continue;
            }
            Object value = FieldValues.coerce(field, entry.getValue());
            if (model.schema().getField(field.name()) != null) {
                record.put(field.name(), AvroValues.toAvro(OrgEventShapes.typeOf(field.type()), value));
            }
        }
        if (!readOnly.isEmpty()) {
            throw new DmlException("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                    + String.join(", ", readOnly) + ". Please check the security settings of this field and "
                    + "verify that it is read/write for your profile or permission set.", readOnly);
        }
        List<String> missing = new ArrayList<>();
        for (FieldDef field : event.fields()) {
            if (field.custom() && !field.nillable() && record.get(field.name()) == null) {
                missing.add(field.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new DmlException("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
        }
        ProducerEvent producerEvent = ProducerEvent.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setSchemaId(model.schemaId())
                .setPayload(model.encode(record))
                .build();
        bus.topic(TopicNames.EVENT_PREFIX + event.name()).log().append(producerEvent, now);
        return SalesforceIds.random(event.keyPrefix());
    }
}
