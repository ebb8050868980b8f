package dev.forcelink.examples.erp;

import dev.forcelink.core.soql.Soql;
import dev.forcelink.examples.ExampleOrg;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.collections.CollectionOptions;
import dev.forcelink.rest.collections.CollectionResult;
import dev.forcelink.rest.collections.LockRetry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * ERP contact sync: pushes a fake ERP's customers and their contacts into Salesforce by external id
 * ({@code External_ERP_Id__c} on Account and Contact), then onboards one new customer in a
 * Composite graph. Accounts and contacts go through sObject Collections upserts, 200 records per
 * request with two requests in flight; contacts name their account by its ERP id, so no Salesforce
 * id is ever looked up. The sync runs twice and prints what the org holds after each run: the
 * counts are the same, because every write is keyed by the ERP's ids.
 *
 * <p>Runs against the embedded emulator unless a real org is configured (see {@link ExampleOrg});
 * a real org needs {@code External_ERP_Id__c} (text, External ID, unique) on Account and Contact.
 */
public final class ErpContactSync {
  /** Customers in the fake ERP export. */
  static final int ACCOUNTS = 300;
  /** The seed of the fake ERP export, so that every run sees the same data. */
  static final long SEED = 20_240_917L;

  private static final CollectionOptions UPSERTS = CollectionOptions.builder()
      .concurrency(2)
      .retryLockedRecords(LockRetry.defaults())
      .build();

  private ErpContactSync() {}

  /**
   * Runs the sync twice against the configured org.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (ExampleOrg org = ExampleOrg.connect()) {
      run(org, System.out);
    }
  }

  /**
   * Runs the sync twice and prints the record counts after each run.
   *
   * @param org the org to sync into
   * @param out where to print
   * @return the counts after the first and after the second run
   * @throws IllegalStateException if a record could not be written (the message lists the first
   *     errors) or the onboarding graph was rolled back
   */
  public static List<OrgCounts> run(ExampleOrg org, PrintStream out) {
    ErpDataSet erp = ErpDataSet.generate(ACCOUNTS, SEED);
    out.printf("Syncing %,d ERP accounts and %,d contacts into %s%n", erp.accounts().size(), erp.contactCount(),
        org.description());
    List<OrgCounts> counts = new ArrayList<>();
    try (RestClient rest = RestClient.create(org.connection())) {
      for (int run = 1; run <= 2; run++) {
        out.printf("Run %d%n", run);
        syncAccounts(rest, erp, out);
        syncContacts(rest, erp, out);
        ErpAccount customer = CustomerOnboarding.newCustomer();
        new CustomerOnboarding(rest).onboard(customer);
        out.printf("  onboarded %s (%s) with %d contacts and a first opportunity in one graph%n",
            customer.name(), customer.erpId(), customer.contacts().size());
        OrgCounts now = count(rest, customer);
        out.printf("  the org now holds %s%n", now);
        counts.add(now);
      }
    }
    out.println(counts.get(0).equals(counts.get(1))
        ? "Idempotent: the second run left exactly the same records"
        : "NOT idempotent: the counts changed between runs");
    return counts;
  }

  private static void syncAccounts(RestClient rest, ErpDataSet erp, PrintStream out) {
    List<SObject> accounts = erp.accounts().stream().map(ErpRecords::account).toList();
    CollectionResult result = rest.collections().upsert("Account", ErpRecords.EXTERNAL_ID, accounts, UPSERTS);
    report("accounts", result, out);
  }

  /** Contacts are sent grouped by account, which keeps parent row locks short on a busy org. */
  private static void syncContacts(RestClient rest, ErpDataSet erp, PrintStream out) {
    List<SObject> contacts = new ArrayList<>();
    for (ErpAccount account : erp.accounts()) {
      account.contacts().forEach(c -> contacts.add(ErpRecords.contact(account, c)));
    }
    CollectionResult result = rest.collections().upsert("Contact", ErpRecords.EXTERNAL_ID, contacts, UPSERTS);
    report("contacts", result, out);
  }

  private static void report(String what, CollectionResult result, PrintStream out) {
    result.throwIfRequestFailed();
    if (!result.allSucceeded()) {
      throw new IllegalStateException(result.failed().size() + " " + what + " were not saved; first errors: "
          + result.failed().stream().limit(3).map(r -> "record " + r.index() + " " + r.errors()).toList());
    }
    long created = result.results().stream().filter(r -> r.created().orElse(false)).count();
    int retried = (int) result.results().stream().filter(r -> r.attempts() > 1).count();
    out.printf("  upserted %,d %s in %d requests: %,d created, %,d updated%s%n", result.results().size(), what,
        result.apiCalls(), created, result.results().size() - created,
        retried == 0 ? "" : String.format(" (%d re-sent after a row lock)", retried));
  }

  /** Counts what the sync manages, so records outside the ERP's range never skew the result. */
  static OrgCounts count(RestClient rest, ErpAccount customer) {
    String erpIds = ErpRecords.EXTERNAL_ID + " LIKE " + Soql.likeStartsWith(ErpDataSet.ID_PREFIX);
    return new OrgCounts(
        count(rest, "Account WHERE " + erpIds),
        count(rest, "Contact WHERE " + erpIds),
        count(rest, "Opportunity WHERE Name = " + Soql.literal(CustomerOnboarding.opportunityName(customer))));
  }

  private static long count(RestClient rest, String objectAndWhere) {
    try (var result = rest.query("SELECT COUNT() FROM " + objectAndWhere)) {
      return result.totalSize();
    }
  }
}
