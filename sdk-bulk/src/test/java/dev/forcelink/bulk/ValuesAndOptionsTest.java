package dev.forcelink.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.bulk.internal.SalesforceValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Salesforce cell formats, request validation and the polling backoff. */
class ValuesAndOptionsTest {

  @Test
  void valuesAreFormattedInSalesforceFormats() {
    assertThat(SalesforceValues.format("c", null)).isEqualTo("#N/A");
    assertThat(SalesforceValues.format("c", Optional.empty())).isEqualTo("#N/A");
    assertThat(SalesforceValues.format("c", Optional.of(true))).isEqualTo("true");
    assertThat(SalesforceValues.format("c", new BigDecimal("1.5E+4"))).isEqualTo("15000");
    assertThat(SalesforceValues.format("c", 0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(SalesforceValues.format("c", 1e21)).isEqualTo("1000000000000000000000");
    assertThat(SalesforceValues.format("c", 42L)).isEqualTo("42");
    assertThat(SalesforceValues.format("c", LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
    assertThat(SalesforceValues.format("c", Instant.parse("2024-02-29T23:59:59.5Z"))).isEqualTo("2024-02-29T23:59:59.500Z");
    assertThat(SalesforceValues.format("c", OffsetDateTime.of(2024, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(2))))
        .isEqualTo("2024-02-29T23:00:00.000Z");
    assertThat(SalesforceValues.format("c", LocalTime.of(13, 30))).isEqualTo("13:30:00.000Z");
    assertThat(SalesforceValues.format("c", JobState.OPEN)).isEqualTo("OPEN");
    assertThatThrownBy(() -> SalesforceValues.format("Start__c", LocalDateTime.now()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Start__c").hasMessageContaining("no zone");
    assertThatThrownBy(() -> SalesforceValues.format("Amount", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Amount");
  }

  @Test
  void requestsAreValidated() {
    assertThatThrownBy(() -> IngestRequest.builder("Account", IngestOperation.UPSERT).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("externalIdFieldName");
    assertThatThrownBy(() -> IngestRequest.builder("Account", IngestOperation.INSERT).externalIdFieldName("X").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> IngestRequest.builder(" ", IngestOperation.INSERT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QueryRequest.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(IngestOperation.fromWireName("hardDelete")).isEqualTo(IngestOperation.HARD_DELETE);
    assertThat(JobState.fromWireName("JobComplete").isTerminal()).isTrue();
    assertThat(JobState.fromWireName("Something")).isEqualTo(JobState.UNKNOWN);
    IngestRequest r = IngestRequest.builder("Account", IngestOperation.UPSERT).externalIdFieldName("Ext__c")
        .retryTransientFailures(2).build();
    assertThat(r.toBuilder().build().toString()).isEqualTo(r.toString());
    assertThatThrownBy(() -> RowMapper.<String>builder().column("A", s -> s).column("a", s -> s))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
  }

  @Test
  void pollBackoffGrowsToItsCapWithJitterBelowTheCeiling() {
    PollBackoff b = PollBackoff.defaults();
    assertThat(b.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.ceiling(1)).isEqualTo(Duration.ofMillis(1500));
    assertThat(b.ceiling(50)).isEqualTo(Duration.ofSeconds(30));
    for (int i = 0; i < 100; i++) {
      Duration d = b.delay(3);
      assertThat(d).isBetween(b.ceiling(3).dividedBy(2), b.ceiling(3));
    }
    assertThatThrownBy(() -> PollBackoff.of(Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
