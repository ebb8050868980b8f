package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.pubsub.EventSchemaGenerator;
import dev.forcelink.testkit.internal.pubsub.OrgEventShapes;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The change event of one object: its schema and where each stored field goes. Immutable and thread-safe.
 */
final class ChangeEventModel extends EventModel {

    private final SObjectDef object;
    private final String topicName;
    private final Schema headerSchema;
    private final Schema changeTypeSchema;
    private final Map<String, FieldSlot> slots;

    private ChangeEventModel(SObjectDef object, OrgEventShapes.ChangeEventShape shape) {
        super(EventSchemaGenerator.generate(shape.description()));
        this.object = object;
        this.topicName = TopicNames.DATA_PREFIX + shape.description().eventName();
        this.headerSchema = schema().getField(EventSchemaGenerator.CHANGE_EVENT_HEADER).schema();
        this.changeTypeSchema = headerSchema.getField("changeType").schema();
        Map<String, FieldSlot> bySource = new HashMap<>();
        shape.paths().forEach((source, path) -> {
            FieldDef field = object.field(source);
            int dot = path.indexOf('.');
            bySource.put(source, new FieldSlot(dot < 0 ? path : path.substring(0, dot),
                    dot < 0 ? null : path.substring(dot + 1), OrgEventShapes.typeOf(field.type())));
        });
        this.slots = Map.copyOf(bySource);
    }

    static ChangeEventModel of(SObjectDef object) {
        return new ChangeEventModel(object, OrgEventShapes.changeEvent(object));
    }

    SObjectDef object() {
        return object;
    }

    /** @return the object's own topic, e.g. {@code /data/AccountChangeEvent} */
    String topicName() {
        return topicName;
    }

    Schema headerSchema() {
        return headerSchema;
    }

    Schema changeTypeSchema() {
        return changeTypeSchema;
    }

    /**
     * @param storedField a stored field's canonical name
     * @return where it goes, or {@code null} if change events do not carry it
     */
    FieldSlot slot(String storedField) {
        return slots.get(storedField);
    }
}
