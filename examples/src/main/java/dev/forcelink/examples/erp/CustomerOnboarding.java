package dev.forcelink.examples.erp;

import dev.forcelink.core.soql.Soql;
import dev.forcelink.rest.QueryResult;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.composite.Graph;
import dev.forcelink.rest.composite.GraphOutcome;
import dev.forcelink.rest.composite.GraphRequest;
import dev.forcelink.rest.composite.Reference;
import dev.forcelink.rest.composite.Subrequest;
import dev.forcelink.rest.composite.SubResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Onboards one new customer in a single Composite graph: the account, its contacts and a first
 * opportunity, all committed together or not at all. The account and contacts are upserted by
 * their ERP id; the opportunity has no external id, so an existing one (found by its name) is
 * updated instead of created. Sending it again therefore changes nothing.
 */
final class CustomerOnboarding {
  private final RestClient rest;

  CustomerOnboarding(RestClient rest) {
    this.rest = rest;
  }

  /** The customer the example onboards: not part of the regular ERP export. */
  static ErpAccount newCustomer() {
    return new ErpAccount(ErpDataSet.ID_PREFIX + "A-NEW-1", "Northwind Traders", "Bergen", "Retail",
        java.util.List.of(
            new ErpContact(ErpDataSet.ID_PREFIX + "C-NEW-1", "Nancy", "Davolio", "nancy.davolio@example.com"),
            new ErpContact(ErpDataSet.ID_PREFIX + "C-NEW-2", "Andrew", "Fuller", "andrew.fuller@example.com")));
  }

  static String opportunityName(ErpAccount customer) {
    return customer.erpId() + " first order";
  }

  /**
   * Sends the onboarding graph.
   *
   * @return the graph's outcome
   * @throws IllegalStateException if the graph was rolled back, with the first error
   */
  GraphOutcome onboard(ErpAccount customer) {
    Graph.Builder graph = Graph.builder("onboarding")
        .add("account", Subrequest.upsert(ErpRecords.account(customer), ErpRecords.EXTERNAL_ID));
    Reference accountId = Reference.to("account").field("id");
    int n = 0;
    for (ErpContact contact : customer.contacts()) {
      SObject record = SObject.builder("Contact")
          .set(ErpRecords.EXTERNAL_ID, contact.erpId())
          .set("FirstName", contact.firstName())
          .set("LastName", contact.lastName())
          .set("Email", contact.email())
          .set("AccountId", accountId)
          .build();
      graph.add("contact" + (++n), Subrequest.upsert(record, ErpRecords.EXTERNAL_ID));
    }
    SObject.Builder opportunity = SObject.builder("Opportunity")
        .set("Name", opportunityName(customer))
        .set("StageName", "Prospecting")
        .set("CloseDate", LocalDate.of(2030, 6, 30))
        .set("Amount", new BigDecimal("25000"))
        .set("AccountId", accountId);
    Optional<String> existing = existingOpportunity(customer);
    graph.add("opportunity", existing.isPresent()
        ? Subrequest.update(opportunity.id(existing.get()).build())
        : Subrequest.create(opportunity.build()));

    GraphOutcome outcome = rest.composite().graph(GraphRequest.builder().add(graph.build()).build())
        .graph("onboarding").orElseThrow();
    if (!outcome.isSuccessful()) {
      SubResult cause = outcome.failures().stream().filter(r -> !r.isHalted()).findFirst()
          .orElse(outcome.failures().get(0));
      throw new IllegalStateException("Onboarding of " + customer.erpId() + " was rolled back: "
          + cause.referenceId().orElse("?") + " failed with " + cause.errors());
    }
    return outcome;
  }

  private Optional<String> existingOpportunity(ErpAccount customer) {
    String soql = "SELECT Id FROM Opportunity WHERE Name = " + Soql.literal(opportunityName(customer)) + " LIMIT 1";
    try (QueryResult<SObject> found = rest.query(soql)) {
      return found.stream().findFirst().flatMap(SObject::id);
    }
  }
}
