package dev.forcelink.pubsub.emulator;

import static dev.forcelink.pubsub.emulator.EmulatorOrg.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.PubSubEvent;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import dev.forcelink.pubsub.cdc.ChangeEventHeader;
import dev.forcelink.pubsub.cdc.ChangeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Change Data Capture from record writes made through the REST API, decoded by the client: the
 * header (as the Change Data Capture Developer Guide's ChangeEventHeader fields describe it), the
 * bitmap fields against the emulator's encoder, commit order, both channels and GAP events.
 */
class ChangeDataCaptureEmulatorTest {
  private static final String ACCOUNTS = "/data/AccountChangeEvent";
  private static final String ALL = "/data/ChangeEvents";

  private EmulatorOrg org;
  private PubSubClient client;

  @BeforeEach
  void start() {
    org = EmulatorOrg.start();
    client = org.client();
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private List<PubSubEvent> receive(String topic, int count) {
    List<PubSubEvent> received = new CopyOnWriteArrayList<>();
    Subscription s = client.subscribe(topic, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).build(),
        received::add);
    await(count + " change events on " + topic, () -> received.size() >= count);
    s.close();
    return List.copyOf(received);
  }

  private static ChangeEventHeader header(PubSubEvent event) {
    return event.changeEventHeader().orElseThrow(() -> new AssertionError(event + " is not a change event"));
  }

  @Test
  void aRestCreateAndUpdateArriveAsDecodedChangeEvents() {
    String id = org.create("Account", "{\"Name\":\"Acme\",\"BillingCity\":\"Paris\",\"Phone\":\"555-0100\"}");
    org.update("Account", id, "{\"Name\":\"Acme Corp\",\"BillingCity\":\"Lyon\",\"Phone\":null}");

    List<PubSubEvent> events = receive(ACCOUNTS, 2);

    ChangeEventHeader created = header(events.get(0));
    assertThat(created.entityName()).isEqualTo("Account");
    assertThat(created.changeType()).isEqualTo(ChangeType.CREATE);
    assertThat(created.recordIds()).containsExactly(id);
    assertThat(created.changedFields()).isEmpty();
    assertThat(created.nulledFields()).isEmpty();
    assertThat(created.commitUser()).isEqualTo(org.emulator.userId());
    assertThat(created.changeOrigin()).startsWith("com/salesforce/api/rest/");
    assertThat(created.transactionKey()).isNotBlank();
    assertThat(events.get(0).asMap()).containsEntry("Name", "Acme").containsEntry("Phone", "555-0100");

    ChangeEventHeader updated = header(events.get(1));
    assertThat(updated.changeType()).isEqualTo(ChangeType.UPDATE);
    assertThat(updated.recordIds()).containsExactly(id);
    assertThat(updated.changedFields()).containsExactlyInAnyOrder("Name", "BillingAddress.City", "LastModifiedDate");
    assertThat(updated.nulledFields()).containsExactly("Phone");
    assertThat(updated.rawChangedFields().get(0)).matches("0x([0-9A-F]{2})+");
    assertThat(updated.commitNumber()).isGreaterThan(created.commitNumber());
    assertThat(updated.commitTimestamp()).isAfterOrEqualTo(created.commitTimestamp());
    assertThat(events.get(1).asMap()).containsEntry("Name", "Acme Corp").containsEntry("Phone", null);
  }

  @Test
  void theAllChangesChannelCarriesEveryObjectInCommitOrder() {
    String account = org.create("Account", "{\"Name\":\"One\"}");
    String contact = org.create("Contact", "{\"LastName\":\"Two\",\"FirstName\":\"Ada\"}");
    org.update("Contact", contact, "{\"FirstName\":\"Augusta\"}");
    org.update("Account", account, "{\"Name\":\"Three\"}");
    org.delete("Account", account);

    List<ChangeEventHeader> headers = receive(ALL, 5).stream().map(ChangeDataCaptureEmulatorTest::header).toList();

    assertThat(headers).extracting(ChangeEventHeader::entityName)
        .containsExactly("Account", "Contact", "Contact", "Account", "Account");
    assertThat(headers).extracting(ChangeEventHeader::changeType)
        .containsExactly(ChangeType.CREATE, ChangeType.CREATE, ChangeType.UPDATE, ChangeType.UPDATE,
            ChangeType.DELETE);
    assertThat(headers).extracting(h -> h.recordIds().get(0)).containsExactly(account, contact, contact, account,
        account);
    assertThat(headers).extracting(ChangeEventHeader::commitNumber).isSorted().doesNotHaveDuplicates();
    // A person name part is a compound field entry: "Name.FirstName", decoded with the Contact schema.
    assertThat(headers.get(2).changedFields()).containsExactlyInAnyOrder("Name.FirstName", "LastModifiedDate");
    assertThat(headers.get(2).rawChangedFields()).hasSize(2);
  }

  @Test
  void randomFieldSetsSurviveTheEmulatorsEncoderAndTheClientsDecoder() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Phone", "Phone");
    fields.put("Fax", "Fax");
    fields.put("AccountNumber", "AccountNumber");
    fields.put("Website", "Website");
    fields.put("Description", "Description");
    fields.put("BillingStreet", "BillingAddress.Street");
    fields.put("BillingCity", "BillingAddress.City");
    fields.put("BillingPostalCode", "BillingAddress.PostalCode");
    fields.put("ShippingState", "ShippingAddress.State");
    fields.put("ShippingCountry", "ShippingAddress.Country");
    String id = org.create("Account", "{\"Name\":\"Random\"}");
    Random random = new Random(20240903L);
    List<Set<String>> expected = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      List<String> chosen = new ArrayList<>();
      fields.keySet().forEach(f -> {
        if (random.nextBoolean()) {
          chosen.add(f);
        }
      });
      if (chosen.isEmpty()) {
        chosen.add("Phone");
      }
      StringBuilder json = new StringBuilder("{");
      Set<String> names = new HashSet<>(Set.of("LastModifiedDate"));
      for (String f : chosen) {
        json.append(json.length() > 1 ? "," : "").append('"').append(f).append("\":\"v").append(round).append('"');
        names.add(fields.get(f));
      }
      org.update("Account", id, json.append('}').toString());
      expected.add(names);
    }

    List<PubSubEvent> events = receive(ACCOUNTS, 13);

    for (int round = 0; round < 12; round++) {
      ChangeEventHeader h = header(events.get(round + 1));
      assertThat(new HashSet<>(h.changedFields())).as("round %d (raw %s)", round, h.rawChangedFields())
          .isEqualTo(expected.get(round));
    }
  }

  @Test
  void gapEventsArriveAsGapTypesWithRecordIdsButNoValues() {
    String id = org.create("Account", "{\"Name\":\"Acme\"}");
    org.emulator.pubSubFaults().gapEvents(1);
    org.update("Account", id, "{\"Name\":\"Gap\"}");
    org.update("Account", id, "{\"Name\":\"Normal\"}");

    List<PubSubEvent> events = receive(ACCOUNTS, 3);

    ChangeEventHeader gap = header(events.get(1));
    assertThat(gap.changeType()).isEqualTo(ChangeType.GAP_UPDATE);
    assertThat(gap.changeType().isGap()).isTrue();
    assertThat(gap.recordIds()).containsExactly(id);
    assertThat(gap.changedFields()).isEmpty();
    assertThat(events.get(1).asMap().get("Name")).isNull();
    assertThat(header(events.get(2)).changeType()).isEqualTo(ChangeType.UPDATE);
    assertThat(header(events.get(2)).changeType().isGap()).isFalse();
  }

  @Test
  void platformEventsHaveNoChangeEventHeader() {
    org.publishOrders(1, 1);

    assertThat(receive(EmulatorOrg.ORDERS, 1).get(0).changeEventHeader()).isEmpty();
  }
}
