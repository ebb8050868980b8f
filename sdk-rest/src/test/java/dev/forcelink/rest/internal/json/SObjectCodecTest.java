package dev.forcelink.rest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.forcelink.rest.RelatedRecords;
import dev.forcelink.rest.SObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SObjectCodecTest {
  private static final String CONTACT = "{\"attributes\":{\"type\":\"Contact\",\"url\":\"/services/data/v65.0/sobjects/Contact/003000000000001AAA\"},"
      + "\"Id\":\"003000000000001AAA\",\"LastName\":\"O'Brien\",\"Email\":null,\"Age__c\":42,\"Score__c\":1.50,"
      + "\"Active__c\":true,\"MailingAddress\":{\"city\":\"Paris\",\"country\":null},"
      + "\"Account\":{\"attributes\":{\"type\":\"Account\",\"url\":\"/x\"},\"Name\":\"Acme\",\"Owner\":null},"
      + "\"Cases\":{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Case\"},\"Subject\":\"Help\"}]},"
      + "\"Tags__c\":[\"a\",1],\"CreatedDate\":\"2024-01-31T10:00:00.000+0000\"}";

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @SuppressWarnings("unchecked")
  void readsEnvelopeParentsChildrenCompoundFieldsAndNumbers() throws Exception {
    SObject c = SObjectCodec.readRecord(utf8(CONTACT));
    assertThat(c.type()).isEqualTo("Contact");
    assertThat(c.has("attributes")).isFalse();
    assertThat(c.id()).contains("003000000000001AAA");
    assertThat(c.has("Email")).isTrue();
    assertThat(c.isNull("Email")).isTrue();
    assertThat(c.get("Age__c")).isEqualTo(new BigDecimal("42"));
    assertThat(c.getDecimal("Score__c")).isEqualByComparingTo("1.5");
    assertThat(c.getBoolean("Active__c")).isTrue();
    assertThat(c.get("MailingAddress")).isInstanceOf(Map.class);
    assertThat(c.getParent("Account")).get().extracting(SObject::type).isEqualTo("Account");
    assertThat(c.getString("Account.Name")).isEqualTo("Acme");
    assertThat(c.isNull("Account.Owner")).isTrue();
    RelatedRecords cases = c.getChildren("Cases");
    assertThat(cases.totalSize()).isEqualTo(1);
    assertThat(cases.done()).isTrue();
    assertThat(cases.records()).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo("Case");
      assertThat(r.getString("Subject")).isEqualTo("Help");
    });
    assertThat((List<Object>) c.get("Tags__c")).containsExactly("a", new BigDecimal("1"));
    assertThat(c.getInstant("CreatedDate")).isEqualTo(Instant.parse("2024-01-31T10:00:00Z"));
    assertThat(c.fieldNames()).containsExactly("Id", "LastName", "Email", "Age__c", "Score__c", "Active__c",
        "MailingAddress", "Account", "Cases", "Tags__c", "CreatedDate");
  }

  @Test
  void decodedRecordsAreImmutable() throws Exception {
    SObject c = SObjectCodec.readRecord(utf8(CONTACT));
    assertThatThrownBy(() -> c.fields().put("X", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void writesExplicitNullsButNotUnsetFieldsAndSkipsNamedFields() {
    SObject r = SObject.builder("Account").id("001000000000001AAA").set("Name", "Acme").setNull("Phone").build();
    String json = new String(SObjectCodec.toJson(r, false, Set.of("id")), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"Name\":\"Acme\",\"Phone\":null}");
    String withAttrs = new String(SObjectCodec.toJson(r, true, Set.of()), StandardCharsets.UTF_8);
    assertThat(withAttrs).startsWith("{\"attributes\":{\"type\":\"Account\"},\"Id\":");
  }

  @Test
  void writesTemporalValuesInSalesforceFormsAndParentReferencesWithType() {
    SObject parent = SObject.builder("Account").set("Ext__c", "A-1").build();
    SObject r = SObject.builder("Contact")
        .set("When__c", Instant.parse("2024-01-31T10:00:00Z"))
        .set("Local__c", OffsetDateTime.of(2024, 1, 31, 12, 0, 0, 0, ZoneOffset.ofHours(2)))
        .set("Day__c", LocalDate.of(2024, 1, 31))
        .set("Time__c", LocalTime.of(9, 5))
        .set("Big__c", new BigDecimal("12345678901234567890.123"))
        .set("Account", parent)
        .build();
    String json = new String(SObjectCodec.toJson(r, false, Set.of()), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"When__c\":\"2024-01-31T10:00:00.000+0000\",\"Local__c\":\"2024-01-31T10:00:00.000+0000\","
        + "\"Day__c\":\"2024-01-31\",\"Time__c\":\"09:05:00.000Z\",\"Big__c\":12345678901234567890.123,"
        + "\"Account\":{\"attributes\":{\"type\":\"Account\"},\"Ext__c\":\"A-1\"}}");
  }

  @Test
  void refusesLocalDateTimeNamingTheField() {
    SObject r = SObject.builder("Event").set("Start__c", LocalDateTime.of(2024, 1, 1, 0, 0)).build();
    assertThatThrownBy(() -> SObjectCodec.toJson(r, false, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Start__c").hasMessageContaining("Instant");
  }

  @Test
  void roundTripsThroughWriteAndRead() throws Exception {
    SObject c = SObjectCodec.readRecord(utf8(CONTACT));
    SObject again = SObjectCodec.readRecord(SObjectCodec.toJson(c, true, Set.of()));
    assertThat(again.getString("Account.Name")).isEqualTo("Acme");
    assertThat(again.getChildren("Cases").records()).hasSize(1);
    assertThat(again.isNull("Email")).isTrue();
  }

  record Account(String name, Integer age) {}

  record ContactView(String id, String lastName, Instant createdDate, Account account, BigDecimal score__c) {}

  @Test
  void bindsToJavaRecordsIgnoringCaseAndAttributes() throws Exception {
    SObject c = SObjectCodec.readRecord(utf8(CONTACT));
    ContactView v = SObjectCodec.bind(c, ContactView.class);
    assertThat(v.id()).isEqualTo("003000000000001AAA");
    assertThat(v.lastName()).isEqualTo("O'Brien");
    assertThat(v.createdDate()).isEqualTo(Instant.parse("2024-01-31T10:00:00Z"));
    assertThat(v.account().name()).isEqualTo("Acme");
    assertThat(v.score__c()).isEqualByComparingTo("1.5");
    assertThat(c.as(ContactView.class)).isEqualTo(v);
  }

  @Test
  void bindFailureSaysWhichClass() throws Exception {
    SObject r = SObjectCodec.readRecord(utf8("{\"attributes\":{\"type\":\"Account\"},\"age\":\"not a number\"}"));
    assertThatThrownBy(() -> SObjectCodec.bind(r, Account.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Account").hasMessageContaining(Account.class.getName());
  }

  static final class Pojo {
    public String Name = "Acme";
    public String Phone;
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public String Fax;
    public Instant Seen__c = Instant.parse("2024-01-31T10:00:00Z");
  }

  @Test
  void pojoNullsAreLeftOutUnlessAlwaysIncludedOrListed() {
    SObject r = SObjectCodec.fromObject("Account", new Pojo(), List.of("Website"));
    assertThat(r.fieldNames()).containsExactly("Name", "Fax", "Seen__c", "Website");
    assertThat(r.isNull("Fax")).isTrue();
    assertThat(r.isNull("Website")).isTrue();
    assertThat(r.has("Phone")).isFalse();
    assertThat(r.get("Seen__c")).isEqualTo("2024-01-31T10:00:00.000+0000");
  }
}
