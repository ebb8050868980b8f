package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.testkit.internal.org.DefaultSchema;
import dev.forcelink.testkit.internal.pubsub.AvroDatumCodec;
import dev.forcelink.testkit.internal.pubsub.EventSchemaGenerator;
import dev.forcelink.testkit.internal.pubsub.OrgEventShapes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** The default org's {@code Order_Event__e} schema and payload decoding, as a subscriber would do it. */
final class OrderEvents {

    private static final Schema SCHEMA = EventSchemaGenerator.generate(
            OrgEventShapes.platformEvent(DefaultSchema.create().find("Order_Event__e")));

    private OrderEvents() {
    }

    static Schema schema() {
        return SCHEMA;
    }

    static GenericRecord decode(Schema schema, ConsumerEvent event) {
        return AvroDatumCodec.decode(schema, event.getEvent().getPayload().toByteArray());
    }
}
