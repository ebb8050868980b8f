package dev.forcelink.examples.erp;

import java.util.List;
import java.util.Objects;

/**
 * A customer as the ERP knows it, with its contact people.
 *
 * @param erpId the ERP's key, stored in Salesforce as {@code External_ERP_Id__c}
 * @param name the company name
 * @param city the billing city
 * @param industry the industry
 * @param contacts the contact people, copied
 */
public record ErpAccount(String erpId, String name, String city, String industry, List<ErpContact> contacts) {
  /** Checks that every part is present and copies the contacts. */
  public ErpAccount {
    Objects.requireNonNull(erpId, "erpId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(industry, "industry");
    contacts = List.copyOf(contacts);
  }
}
