package dev.forcelink.pubsub.internal.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroValuesTest {
  private static final Schema SCHEMA = new Schema.Parser().parse("""
      {"type":"record","name":"E","fields":[
        {"name":"When","type":"long"},
        {"name":"Day","type":["null",{"type":"int","logicalType":"date"}],"default":null},
        {"name":"Tags","type":{"type":"array","items":"string"},"default":[]},
        {"name":"Kind","type":["null",{"type":"enum","name":"K","symbols":["A","B"]}],"default":null},
        {"name":"Amount","type":["null","double"],"default":null}
      ]}""");

  @Test
  void convertsJavaTimeAndNullableUnionsWithTheSchemasTypes() {
    Map<String, Object> in = new HashMap<>();
    in.put("When", OffsetDateTime.parse("2024-01-02T03:04:05.678+01:00"));
    in.put("Day", LocalDate.of(2024, 1, 2));
    in.put("Kind", "B");
    in.put("Amount", 3);
    GenericRecord r = AvroValues.fromPlainMap(in, SCHEMA);

    assertThat(r.get("When")).isEqualTo(Instant.parse("2024-01-02T02:04:05.678Z").toEpochMilli());
    assertThat(r.get("Day")).isEqualTo((int) LocalDate.of(2024, 1, 2).toEpochDay());
    assertThat(r.get("Amount")).isEqualTo(3.0);
    assertThat((java.util.Collection<?>) r.get("Tags")).isEmpty();
    Map<String, Object> back = AvroValues.toPlainMap(r);
    assertThat(back).containsEntry("Kind", "B").containsEntry("Tags", List.of());
  }

  @Test
  void acceptsIsoAndSalesforceDateTimeText() {
    GenericRecord r = AvroValues.fromPlainMap(Map.of("When", "2013-05-20T20:49:32.000+0000", "Day", "2013-05-20"), SCHEMA);
    assertThat(r.get("When")).isEqualTo(Instant.parse("2013-05-20T20:49:32Z").toEpochMilli());
    assertThat(r.get("Day")).isEqualTo((int) LocalDate.of(2013, 5, 20).toEpochDay());
  }

  @Test
  void namesTheFieldThatDoesNotFit() {
    assertThatThrownBy(() -> AvroValues.fromPlainMap(Map.of(), SCHEMA))
        .hasMessageContaining("Field 'When' is required");
    assertThatThrownBy(() -> AvroValues.fromPlainMap(Map.of("When", 1L, "Kind", "C"), SCHEMA))
        .hasMessageContaining("'Kind'").hasMessageContaining("[A, B]");
    assertThatThrownBy(() -> AvroValues.fromPlainMap(Map.of("When", true), SCHEMA))
        .hasMessageContaining("Field 'When' must be an Avro long, got Boolean");
  }
}
