package dev.forcelink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.examples.erp.ErpAccount;
import dev.forcelink.examples.erp.ErpContactSync;
import dev.forcelink.examples.erp.ErpDataSet;
import dev.forcelink.examples.erp.OrgCounts;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ERP contact sync against the embedded emulator: syncing twice leaves the same records, with
 * no duplicate ERP id, and every contact under the account the ERP says. Takes a few seconds: it
 * writes about 1,300 records twice.
 */
class ErpContactSyncTest {

  @Test
  void syncingTwiceLeavesExactlyTheSameRecords() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ExampleOrg org = ExampleOrg.connect(Map.of());
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        RestClient rest = RestClient.create(org.connection())) {
      List<OrgCounts> counts = ErpContactSync.run(org, out);
      String text = bytes.toString(StandardCharsets.UTF_8);

      ErpDataSet erp = ErpDataSet.generate(300, 20_240_917L);
      assertThat(erp.contactCount()).isBetween(900, 1200);
      assertThat(counts).hasSize(2);
      assertThat(counts.get(1)).isEqualTo(counts.get(0));
      assertThat(counts.get(0)).isEqualTo(new OrgCounts(300 + 1, erp.contactCount() + 2, 1));
      assertThat(text)
          .contains("Run 1", "Run 2")
          .contains("upserted 300 accounts in 2 requests: 300 created, 0 updated")
          .contains("upserted 300 accounts in 2 requests: 0 created, 300 updated")
          .contains("Idempotent: the second run left exactly the same records");

      assertNoDuplicateErpIds(rest, "Account", 301);
      Map<String, SObject> contacts = assertNoDuplicateErpIds(rest, "Contact", erp.contactCount() + 2);
      ErpAccount first = erp.accounts().get(0);
      SObject contact = contacts.get(first.contacts().get(0).erpId());
      assertThat(contact.getParent("Account").orElseThrow().getString("External_ERP_Id__c"))
          .isEqualTo(first.erpId());
      assertThat(contacts.get("ERP-C-NEW-2").getParent("Account").orElseThrow().getString("External_ERP_Id__c"))
          .isEqualTo("ERP-A-NEW-1");
    }
  }

  private static Map<String, SObject> assertNoDuplicateErpIds(RestClient rest, String type, int expected) {
    String soql = "SELECT Id, External_ERP_Id__c" + (type.equals("Contact") ? ", Account.External_ERP_Id__c" : "")
        + " FROM " + type + " WHERE External_ERP_Id__c LIKE 'ERP-%'";
    Map<String, Long> perErpId = new HashMap<>();
    Map<String, SObject> byErpId;
    try (var records = rest.query(soql)) {
      List<SObject> all = records.stream().toList();
      all.forEach(r -> perErpId.merge(r.getString("External_ERP_Id__c"), 1L, Long::sum));
      byErpId = all.stream().collect(Collectors.toMap(r -> r.getString("External_ERP_Id__c"), Function.identity(),
          (a, b) -> a));
    }
    assertThat(perErpId).as("%s ERP ids", type).hasSize(expected);
    assertThat(perErpId.values()).as("records per %s ERP id", type).containsOnly(1L);
    return byErpId;
  }

  @Test
  void theErpDataSetIsTheSameForTheSameSeed() {
    assertThat(ErpDataSet.generate(50, 7L).accounts()).isEqualTo(ErpDataSet.generate(50, 7L).accounts());
    assertThat(ErpDataSet.generate(50, 7L).accounts()).isNotEqualTo(ErpDataSet.generate(50, 8L).accounts());
  }
}
