package dev.forcelink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.examples.pubsub.ErpOrder;
import dev.forcelink.examples.pubsub.OpportunityToOrder;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the "opportunity to order" example on the embedded emulator (a few seconds: two subscribers, ~50 calls). */
class OpportunityToOrderTest {
  private static final String UPSERT_PATH = "/sobjects/Order/ERP_Order_Number__c/";

  @Test
  void everyWonOpportunityGetsExactlyOneErpOrderAndOneUpsertAcrossACrash(@TempDir Path workDir) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (ExampleOrg org = ExampleOrg.connect(Map.of(), e -> e.schema(OpportunityToOrder.emulatorSchema()));
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      OpportunityToOrder.Outcome outcome = OpportunityToOrder.run(org, workDir, 12, 5, out);

      // The crash really came in the middle, and the event processed just before it came again.
      assertThat(outcome.ordersBeforeCrash()).isEqualTo(5);
      assertThat(outcome.skippedRedeliveries()).isGreaterThanOrEqualTo(1);
      assertThat(outcome.deliveries()).isEqualTo(12 + outcome.skippedRedeliveries());

      // The ERP: one order per opportunity, none lost, none repeated.
      Map<String, List<ErpOrder>> erpByOpportunity = outcome.erpOrders().stream()
          .collect(Collectors.groupingBy(ErpOrder::opportunityId));
      assertThat(erpByOpportunity.keySet()).containsExactlyInAnyOrderElementsOf(outcome.opportunityIds());
      assertThat(erpByOpportunity.values()).allSatisfy(orders -> assertThat(orders).hasSize(1));

      // Salesforce: one upsert per ERP order, and one Order per opportunity carrying its ERP number.
      List<String> upsertedNumbers = org.emulator().requests().list().stream()
          .filter(r -> r.method().equals("PATCH") && r.path().contains(UPSERT_PATH))
          .map(r -> r.path().substring(r.path().lastIndexOf('/') + 1))
          .collect(Collectors.toList());
      assertThat(upsertedNumbers).containsExactlyInAnyOrderElementsOf(
          outcome.erpOrders().stream().map(ErpOrder::orderNumber).collect(Collectors.toList()));
      Map<String, SObject> ordersByNumber;
      try (RestClient rest = RestClient.create(org.connection())) {
        ordersByNumber = rest.query("SELECT Id, OpportunityId, ERP_Order_Number__c FROM Order").stream()
            .collect(Collectors.toMap(o -> o.getString("ERP_Order_Number__c"), Function.identity()));
      }
      assertThat(ordersByNumber).hasSize(12);
      for (ErpOrder erp : outcome.erpOrders()) {
        assertThat(ordersByNumber.get(erp.orderNumber()).getString("OpportunityId")).isEqualTo(erp.opportunityId());
      }

      // The state that let the second subscriber resume is on disk.
      try (var files = Files.list(workDir.resolve("replay"))) {
        assertThat(files.filter(f -> f.toString().endsWith(".replay")).count()).isEqualTo(1);
      }
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("Subscriber 1: 5 orders made, then crashed")
          .contains("Subscriber 2: resuming from the stored replay id")
          .contains("ERP: 12 orders for 12 opportunities");
    }
  }
}
