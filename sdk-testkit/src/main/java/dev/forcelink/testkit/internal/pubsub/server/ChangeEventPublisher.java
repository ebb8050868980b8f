package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.pubsub.internal.proto.ProducerEvent;
import dev.forcelink.testkit.internal.org.ChangeLogEntry;
import dev.forcelink.testkit.internal.org.ChangeType;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.pubsub.AvroValues;
import dev.forcelink.testkit.internal.pubsub.BitmapEncoder;
import dev.forcelink.testkit.internal.pubsub.EventSchemaGenerator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every committed write of the change log into Change Data Capture events: one event per changed record, in
 * commit order, published to the object's topic ({@code /data/AccountChangeEvent}) and to {@code /data/ChangeEvents}.
 *
 * <p>The header follows the ChangeEventHeader fields of Salesforce's Change Data Capture Developer Guide.
 * {@code changedFields} of an UPDATE lists the changed fields (with {@code LastModifiedDate}) and
 * {@code nulledFields} those set to null, as bitmaps; a CREATE carries its populated fields and empty bitmaps; an
 * UNDELETE carries the restored record; a DELETE carries only the header. The payload is encoded once here, never
 * per delivery.
 *
 * <p>Changes of one transaction beyond {@link PubSubSettings#maxChangesPerTransaction()} become one
 * {@code GAP_OVERFLOW} event per object, with the header only and no record ids (as Salesforce does for very large
 * transactions). A test can make coming events GAP events ({@code GAP_CREATE}, …): header with record ids, no
 * field values.
 *
 * <p>Thread-safe; runs on the committing thread under the store's write lock, which keeps the commit order.
 */
final class ChangeEventPublisher implements Consumer<List<ChangeLogEntry>> {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeEventPublisher.class);

    private final EventBus bus;
    private final OrgSchema schema;
    private final RecordStore store;
    private final FaultScript faults;

    ChangeEventPublisher(EventBus bus, OrgSchema schema, RecordStore store, FaultScript faults) {
        this.bus = bus;
        this.schema = schema;
        this.store = store;
        this.faults = faults;
    }

    @Override
    public void accept(List<ChangeLogEntry> transaction) {
        int limit = bus.settings().maxChangesPerTransaction();
        Set<String> overflowed = new HashSet<>();
        for (int i = 0; i < transaction.size(); i++) {
            ChangeLogEntry entry = transaction.get(i);
            SObjectDef object = schema.find(entry.entityName());
            if (object == null || !object.storable()) {
                continue;
            }
            try {
                ChangeEventModel model = bus.changeModel(object);
                if (i >= limit) {
                    if (overflowed.add(object.name())) {
                        publish(model, overflowEvent(model, entry));
                    }
                } else {
                    publish(model, event(model, entry, faults.claimGap()));
                }
            } catch (RuntimeException e) {
                // A change event must never fail the write that caused it.
                LOG.warn("Could not publish the change event of {} {}", entry.entityName(), entry.recordIds(), e);
            }
        }
    }

    private void publish(ChangeEventModel model, GenericRecord record) {
        ProducerEvent event = ProducerEvent.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setSchemaId(model.schemaId())
                .setPayload(model.encode(record))
                .build();
        long now = bus.nowMillis();
        bus.topic(model.topicName()).log().append(event, now);
        bus.topic(TopicNames.ALL_CHANGE_EVENTS).log().append(event, now);
    }

    private GenericRecord event(ChangeEventModel model, ChangeLogEntry entry, boolean gap) {
        GenericData.Record record = new GenericData.Record(model.schema());
        String changeType = (gap ? "GAP_" : "") + entry.changeType().name();
        List<String> changed = List.of();
        List<String> nulled = List.of();
        if (!gap && entry.changeType() == ChangeType.UPDATE) {
            changed = BitmapEncoder.encode(model.schema(), paths(model, entry.changedFields()));
            nulled = BitmapEncoder.encode(model.schema(), paths(model, entry.nulledFields()));
        }
        record.put(EventSchemaGenerator.CHANGE_EVENT_HEADER,
                header(model, entry, changeType, entry.recordIds(), changed, nulled));
        if (!gap) {
            Map<String, Object> values = entry.values();
            if (entry.changeType() == ChangeType.UNDELETE) {
                StoredRecord restored = store.get(entry.recordIds().get(0));
                values = restored == null ? Map.of() : restored.values();
            }
            if (entry.changeType() != ChangeType.DELETE) {
                putValues(model, record, values);
            }
        }
        return record;
    }

    private GenericRecord overflowEvent(ChangeEventModel model, ChangeLogEntry entry) {
        GenericData.Record record = new GenericData.Record(model.schema());
        record.put(EventSchemaGenerator.CHANGE_EVENT_HEADER,
                header(model, entry, "GAP_OVERFLOW", List.of(), List.of(), List.of()));
        return record;
    }

    private static GenericRecord header(ChangeEventModel model, ChangeLogEntry entry, String changeType,
                                        List<String> recordIds, List<String> changed, List<String> nulled) {
        GenericData.Record header = new GenericData.Record(model.headerSchema());
        header.put("entityName", entry.entityName());
        header.put("recordIds", recordIds);
        header.put("changeType", new GenericData.EnumSymbol(model.changeTypeSchema(), changeType));
        header.put("changeOrigin", entry.changeOrigin());
        header.put("transactionKey", entry.transactionKey());
        header.put("sequenceNumber", entry.sequenceNumber());
        header.put("commitTimestamp", entry.commitTimestamp().toEpochMilli());
        header.put("commitNumber", entry.commitNumber());
        header.put("commitUser", entry.commitUser());
        header.put("nulledFields", nulled);
        // Values are always sent whole, never as diffs of long text, so no field is a diff field.
        header.put("diffFields", List.of());
        header.put("changedFields", changed);
        return header;
    }

    private static List<String> paths(ChangeEventModel model, Collection<String> storedFields) {
        List<String> paths = new ArrayList<>(storedFields.size());
        for (String field : storedFields) {
            FieldSlot slot = model.slot(field);
            if (slot != null) {
                paths.add(slot.path());
            }
        }
        return paths;
    }

    private static void putValues(ChangeEventModel model, GenericData.Record record, Map<String, Object> values) {
        for (Map.Entry<String, Object> value : values.entrySet()) {
            FieldSlot slot = model.slot(value.getKey());
            if (slot == null || value.getValue() == null) {
                continue;
            }
            Object avro = AvroValues.toAvro(slot.type(), value.getValue());
            if (slot.part() == null) {
                record.put(slot.field(), avro);
                continue;
            }
            GenericData.Record compound = (GenericData.Record) record.get(slot.field());
            if (compound == null) {
                compound = new GenericData.Record(recordBranch(model.schema().getField(slot.field()).schema()));
                record.put(slot.field(), compound);
            }
            compound.put(slot.part(), avro);
        }
    }

    private static Schema recordBranch(Schema union) {
        for (Schema branch : union.getTypes()) {
            if (branch.getType() == Schema.Type.RECORD) {
                return branch;
            }
        }
        throw new IllegalStateException("Compound field schema has no record branch: " + union);
    }
}
