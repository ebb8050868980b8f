package dev.forcelink.examples.pubsub;

import dev.forcelink.rest.RestClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What happens in Salesforce in {@link OpportunityToOrder}: opportunities are won, and each win
 * publishes an {@code Order_Event__e}. In a real org a record-triggered Flow publishes the event when
 * an opportunity's stage becomes Closed Won; the emulator runs no Flows or triggers, so this class
 * publishes the event itself right after the update (drop that step in an org that has the Flow).
 *
 * <p>Not thread-safe; use from one thread.
 */
final class SalesforceSide {
  private final RestClient rest;

  SalesforceSide(RestClient rest) {
    this.rest = rest;
  }

  /**
   * Creates an account with {@code count} open opportunities, then closes each as won and
   * publishes its order event.
   *
   * @param count how many opportunities
   * @return the opportunities' ids, in the order they were won
   */
  List<String> winOpportunities(int count) {
    String accountId = rest.create("Account", Map.of("Name", "Globex (Pub/Sub example)")).id();
    List<String> ids = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      ids.add(rest.create("Opportunity", Map.of(
          "AccountId", accountId,
          "Name", "Globex expansion " + i,
          "StageName", "Negotiation/Review",
          "CloseDate", LocalDate.of(2030, 1, 1).plusDays(i).toString(),
          "Amount", 1_000 + 250 * i)).id());
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      rest.update("Opportunity", id, Map.of("StageName", "Closed Won"));
      // A Flow does this in a real org: see the class description.
      rest.create("Order_Event__e", Map.of(
          "Opportunity_Id__c", id,
          "Amount__c", 1_000 + 250 * (i + 1),
          "Status__c", "Closed Won"));
    }
    return ids;
  }
}
