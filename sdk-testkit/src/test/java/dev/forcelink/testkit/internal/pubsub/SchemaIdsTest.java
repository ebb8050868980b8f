package dev.forcelink.testkit.internal.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaIdsTest {
  private static final String PINNED_ORDER_EVENT_ID = "GXOcAytoEyB9zpFk8BMytw";

  @Test
  void idIsAStableFingerprintOfTheSchema() {
    String first = SchemaIds.of(EventSchemaGenerator.generate(Fixtures.accountChangeEvent()));
    String second = SchemaIds.of(EventSchemaGenerator.generate(Fixtures.accountChangeEvent()));
    String reparsed = SchemaIds.of(new Schema.Parser().parse(
        EventSchemaGenerator.generate(Fixtures.accountChangeEvent()).toString()));

    assertThat(first).isEqualTo(second).isEqualTo(reparsed).matches("[A-Za-z0-9_-]{22}");
  }

  @Test
  void pinnedIdDoesNotDriftBetweenRuns() {
    // Subscribers cache schemas by id; a change of algorithm or schema shape must be deliberate.
    assertThat(SchemaIds.of(EventSchemaGenerator.generate(Fixtures.orderEvent()))).isEqualTo(PINNED_ORDER_EVENT_ID);
  }

  @Test
  void differentSchemasGetDifferentIds() {
    EventDescription intField = EventDescription.platformEvent("Thing__e",
        List.of(EventField.scalar("When__c", SalesforceFieldType.INT)));
    EventDescription dateField = EventDescription.platformEvent("Thing__e",
        List.of(EventField.scalar("When__c", SalesforceFieldType.DATE)));
    Set<String> ids = List.of(Fixtures.orderEvent(), Fixtures.accountChangeEvent(), Fixtures.contactChangeEvent(),
            intField, dateField).stream()
        .map(d -> SchemaIds.of(EventSchemaGenerator.generate(d)))
        .collect(Collectors.toSet());

    assertThat(ids).hasSize(5);
  }
}
