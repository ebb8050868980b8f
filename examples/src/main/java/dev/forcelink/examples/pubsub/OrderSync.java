package dev.forcelink.examples.pubsub;

import dev.forcelink.pubsub.EventHandler;
import dev.forcelink.pubsub.PubSubEvent;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Handles one {@code Order_Event__e}: creates the order in the ERP, then reports it back to
 * Salesforce as an {@code Order} upserted by its ERP order number. The upsert converges on one
 * record however often it is retried; what keeps the ERP from getting a second order for a
 * redelivered event is the {@link dev.forcelink.pubsub.IdempotentHandler} around this handler.
 *
 * <p>Thread-safe if the ERP and REST client are (they are).
 */
final class OrderSync implements EventHandler {
  /** The external id field on {@code Order} that holds the ERP's order number. */
  static final String ERP_NUMBER_FIELD = "ERP_Order_Number__c";

  private final RestClient rest;
  private final FakeErp erp;
  private final Consumer<ErpOrder> onSynced;

  OrderSync(RestClient rest, FakeErp erp, Consumer<ErpOrder> onSynced) {
    this.rest = rest;
    this.erp = erp;
    this.onSynced = onSynced;
  }

  @Override
  public void handle(PubSubEvent event) {
    Map<String, Object> payload = event.asMap();
    String opportunityId = (String) payload.get("Opportunity_Id__c");
    BigDecimal amount = BigDecimal.valueOf(((Number) payload.get("Amount__c")).doubleValue());
    SObject opportunity = rest.retrieve("Opportunity", opportunityId, "AccountId", "Name", "CloseDate");

    ErpOrder order = erp.createOrder(opportunityId, amount);

    Map<String, Object> salesforceOrder = new LinkedHashMap<>();
    salesforceOrder.put("AccountId", opportunity.getString("AccountId"));
    salesforceOrder.put("OpportunityId", opportunityId);
    salesforceOrder.put("Name", opportunity.getString("Name"));
    salesforceOrder.put("EffectiveDate", opportunity.getDate("CloseDate").toString());
    salesforceOrder.put("Status", "Draft");
    rest.upsert("Order", ERP_NUMBER_FIELD, order.orderNumber(), salesforceOrder);
    onSynced.accept(order);
  }

  @Override
  public String toString() {
    return "OrderSync{" + rest + "}";
  }
}
