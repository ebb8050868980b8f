package dev.forcelink.examples.erp;

/**
 * How many ERP-managed records the org holds, counted with SOQL after a sync run.
 *
 * @param accounts accounts whose {@code External_ERP_Id__c} starts with the ERP prefix
 * @param contacts contacts whose {@code External_ERP_Id__c} starts with the ERP prefix
 * @param opportunities opportunities of the onboarded new customer
 */
public record OrgCounts(long accounts, long contacts, long opportunities) {
  @Override
  public String toString() {
    return String.format("%,d accounts, %,d contacts, %,d onboarding opportunities", accounts, contacts,
        opportunities);
  }
}
