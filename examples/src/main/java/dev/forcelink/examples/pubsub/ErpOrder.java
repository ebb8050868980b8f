package dev.forcelink.examples.pubsub;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order in the stand-in ERP of {@link OpportunityToOrder}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param orderNumber the ERP's own number, such as {@code ERP-000001}
 * @param opportunityId the Salesforce opportunity the order was made for
 * @param amount the order amount
 */
public record ErpOrder(String orderNumber, String opportunityId, BigDecimal amount) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ErpOrder {
    Objects.requireNonNull(orderNumber, "orderNumber");
    Objects.requireNonNull(opportunityId, "opportunityId");
    Objects.requireNonNull(amount, "amount");
  }
}
