package dev.forcelink.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JsonTest {
  /** A small record using java.time the way Salesforce payloads do. */
  public record Row(String name, Instant createdDate, LocalDate closeDate, OffsetDateTime modified, LocalTime at) {}

  @Test
  void readsSalesforceAndIsoDatesAndIgnoresUnknownFields() throws Exception {
    Row row = Json.mapper().readValue("{\"name\":\"A\",\"createdDate\":\"2013-05-20T20:49:32.000+0000\","
        + "\"closeDate\":\"2024-02-29\",\"modified\":\"2013-05-20T20:49:32Z\",\"at\":\"13:30:00.000Z\","
        + "\"attributes\":{\"type\":\"Account\"}}", Row.class);
    assertThat(row.createdDate()).isEqualTo(Instant.parse("2013-05-20T20:49:32Z"));
    assertThat(row.closeDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(row.modified()).isEqualTo(OffsetDateTime.of(2013, 5, 20, 20, 49, 32, 0, ZoneOffset.UTC));
    assertThat(row.at()).isEqualTo(LocalTime.of(13, 30));
    assertThat(Json.parseInstant("2013-05-20T22:49:32.000+02:00")).isEqualTo(Instant.parse("2013-05-20T20:49:32Z"));
  }

  @Test
  void writesIsoStrings() throws Exception {
    String json = Json.mapper().writeValueAsString(new Row("A", Instant.parse("2020-01-02T03:04:05Z"),
        LocalDate.of(2020, 1, 2), null, LocalTime.of(1, 2)));
    assertThat(json).contains("\"createdDate\":\"2020-01-02T03:04:05Z\"", "\"closeDate\":\"2020-01-02\"",
        "\"at\":\"01:02\"");
  }

  @Test
  void capsNestingDepthAt500() throws Exception {
    String ok = "[".repeat(500) + "]".repeat(500);
    assertThat(Json.mapper().readTree(ok)).isNotNull();
    String deep = "[".repeat(501) + "]".repeat(501);
    assertThatThrownBy(() -> Json.mapper().readTree(deep)).isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void badDatesFailAsJacksonErrors() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"createdDate\":\"yesterday\"}", Row.class))
        .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
  }
}
