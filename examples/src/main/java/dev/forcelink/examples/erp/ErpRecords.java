package dev.forcelink.examples.erp;

import dev.forcelink.rest.SObject;

/** Turns ERP rows into Salesforce records keyed by {@code External_ERP_Id__c}. */
final class ErpRecords {
  /** The external id field on Account and Contact. */
  static final String EXTERNAL_ID = "External_ERP_Id__c";

  private ErpRecords() {}

  static SObject account(ErpAccount account) {
    return SObject.builder("Account")
        .set(EXTERNAL_ID, account.erpId())
        .set("Name", account.name())
        .set("BillingCity", account.city())
        .set("Industry", account.industry())
        .build();
  }

  /**
   * The contact points at its account by the account's ERP id, so Salesforce resolves the parent
   * itself and the sync never has to look up Salesforce ids.
   */
  static SObject contact(ErpAccount account, ErpContact contact) {
    return SObject.builder("Contact")
        .set(EXTERNAL_ID, contact.erpId())
        .set("FirstName", contact.firstName())
        .set("LastName", contact.lastName())
        .set("Email", contact.email())
        .set("Account", SObject.builder("Account").set(EXTERNAL_ID, account.erpId()).build())
        .build();
  }
}
