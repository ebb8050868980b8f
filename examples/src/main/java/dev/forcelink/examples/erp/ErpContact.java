package dev.forcelink.examples.erp;

import java.util.Objects;

/**
 * A contact person as the ERP knows it.
 *
 * @param erpId the ERP's key, stored in Salesforce as {@code External_ERP_Id__c}
 * @param firstName the first name
 * @param lastName the last name
 * @param email the e-mail address
 */
public record ErpContact(String erpId, String firstName, String lastName, String email) {
  /** Checks that every part is present. */
  public ErpContact {
    Objects.requireNonNull(erpId, "erpId");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(email, "email");
  }
}
