package dev.forcelink.examples.snippets;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.exception.MultipleChoicesException;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.idempotency.IdempotencyKey;
import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.core.soql.Soql;
import dev.forcelink.rest.Conditional;
import dev.forcelink.rest.OrgLimits;
import dev.forcelink.rest.ParameterizedSearch;
import dev.forcelink.rest.QueryCursor;
import dev.forcelink.rest.QueryOptions;
import dev.forcelink.rest.QueryResult;
import dev.forcelink.rest.RawResponse;
import dev.forcelink.rest.RelatedRecords;
import dev.forcelink.rest.RequestOptions;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.UiRecord;
import dev.forcelink.rest.UpsertOptions;
import dev.forcelink.rest.UpsertResult;
import dev.forcelink.rest.collections.CollectionOptions;
import dev.forcelink.rest.collections.CollectionResult;
import dev.forcelink.rest.collections.LockRetry;
import dev.forcelink.rest.collections.RecordResult;
import dev.forcelink.rest.collections.RecordStatus;
import dev.forcelink.rest.composite.BatchRequest;
import dev.forcelink.rest.composite.BatchResult;
import dev.forcelink.rest.composite.CompositeRequest;
import dev.forcelink.rest.composite.CompositeResult;
import dev.forcelink.rest.composite.Graph;
import dev.forcelink.rest.composite.GraphRequest;
import dev.forcelink.rest.composite.GraphResult;
import dev.forcelink.rest.composite.Reference;
import dev.forcelink.rest.composite.SubResult;
import dev.forcelink.rest.composite.Subrequest;
import dev.forcelink.rest.composite.TreeRecord;
import dev.forcelink.rest.composite.TreeRequest;
import dev.forcelink.rest.composite.TreeResult;
import dev.forcelink.rest.describe.FieldDescribe;
import dev.forcelink.rest.describe.SObjectDescribe;
import dev.forcelink.rest.soql.Condition;
import dev.forcelink.rest.soql.SoqlBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Snippets of docs/rest.md, compiled. */
final class RestSnippets {
  private RestSnippets() {}

  static RestClient setup(SalesforceConnection connection) {
    // snippet: rest-setup
    RestClient rest = RestClient.builder(connection)
        .defaultOptions(RequestOptions.builder()
            .callOptionsClient("acme-erp-sync")             // Sforce-Call-Options: client=…, seen in CDC changeOrigin
            .build())
        .describeCacheSize(500)                             // sObject describes kept per client
        .build();
    // end snippet
    return rest;
  }

  static void records(RestClient rest, String accountId) {
    // snippet: rest-records
    SObject change = SObject.builder("Account")
        .id(accountId)
        .set("Name", "Acme Europe")                        // written
        .setNull("Fax")                                    // written as null: Salesforce clears the field
        .build();                                          // Phone is not set: Salesforce leaves it alone
    rest.update(change);

    SObject account = rest.retrieve("Account", accountId, "Name", "AnnualRevenue", "CreatedDate", "Fax");
    String name = account.getString("Name");
    BigDecimal revenue = account.getDecimal("AnnualRevenue");      // every JSON number is a BigDecimal
    Instant created = account.getInstant("CreatedDate");           // parses 2024-01-31T10:00:00.000+0000
    boolean faxCleared = account.has("Fax") && account.isNull("Fax");
    // end snippet
  }

  // snippet: rest-binding
  record AccountRow(String id, String name, BigDecimal annualRevenue, Owner owner) {}

  record Owner(String name) {}

  static List<AccountRow> bigAccounts(RestClient rest) {
    String soql = "SELECT Id, Name, AnnualRevenue, Owner.Name FROM Account WHERE AnnualRevenue > 1000000";
    try (QueryResult<AccountRow> rows = rest.query(soql, AccountRow.class)) {   // bound while decoding
      return rows.stream().toList();
    }
  }
  // end snippet

  static void bindOne(SObject record) {
    // snippet: rest-binding-one
    AccountRow row = record.as(AccountRow.class);          // names match without case; unknown fields ignored
    // end snippet
  }

  static void crud(RestClient rest) {
    // snippet: rest-crud
    String id = rest.create(SObject.builder("Contact")
        .set("LastName", "Lovelace")
        .set("Birthdate", LocalDate.of(1815, 12, 10))     // written as 1815-12-10
        .build()).id();
    SObject contact = rest.retrieve("Contact", id, "LastName", "Birthdate");
    rest.update(contact.toBuilder().set("Title", "Analyst").build());
    rest.delete("Contact", id);
    try {
      rest.retrieve("Contact", id);
    } catch (NotFoundException deleted) {
      System.out.println("gone: " + deleted.getMessage());  // the message carries the error code and request id
    }
    // end snippet
  }

  static void upsert(RestClient rest, String erpId) {
    // snippet: rest-upsert
    SObject account = SObject.builder("Account").set("Name", "Acme").build();
    try {
      // erpId may hold '/', '?' or '..': it is sent as one percent-encoded path segment
      UpsertResult result = rest.upsert("Account", "External_ERP_Id__c", erpId, account);
      System.out.println((result.created() ? "created " : "updated ") + result.id());

      // updateOnly (API v61.0+): never create; fails when no record has this external id
      rest.upsert("Account", "External_ERP_Id__c", erpId, account,
          UpsertOptions.builder().updateOnly(true).build());
    } catch (MultipleChoicesException ambiguous) {
      // 300: the external id matched several records; nothing was written
      System.out.println("several records match: " + ambiguous.matches());
    }
    // end snippet
  }

  static void deleteByExternalId(RestClient rest, String erpId) {
    // snippet: rest-delete-by-external-id
    try {
      rest.deleteByExternalId("Account", "External_ERP_Id__c", erpId);   // 204: the record is in the recycle bin
    } catch (NotFoundException gone) {
      // 404: no record has this external id; also what a resend sees when a lost attempt already deleted it
      System.out.println("nothing to delete: " + gone.getMessage());
    } catch (MultipleChoicesException ambiguous) {
      // 300: several records match; nothing was deleted
      System.out.println("several records match: " + ambiguous.matches());
    }
    // end snippet
  }

  static void query(RestClient rest) {
    // snippet: rest-query
    String soql = "SELECT Id, Name FROM Account WHERE Industry = " + Soql.literal("Energy");
    QueryOptions pages = QueryOptions.builder().batchSize(500).build();   // Sforce-Query-Options, 200 to 2000
    try (QueryResult<SObject> accounts = rest.query(soql, SObject.class, pages)) {
      System.out.println(accounts.totalSize() + " accounts");
      for (SObject a : accounts) {                          // the next page is fetched when this one runs out
        System.out.println(a.getString("Name"));
      }
    }
    try (QueryResult<SObject> withDeleted = rest.queryAll("SELECT Id, IsDeleted FROM Account")) {
      long deleted = withDeleted.stream().filter(a -> a.getBoolean("IsDeleted")).count();
    }
    // end snippet
  }

  static void cursor(RestClient rest, Map<String, String> store) {
    // snippet: rest-cursor
    try (QueryResult<SObject> contacts = rest.query("SELECT Id, Email FROM Contact")) {
      var it = contacts.iterator();
      for (int i = 0; i < 1_000 && it.hasNext(); i++) {
        System.out.println(it.next().getString("Email"));
      }
      store.put("contacts-cursor", contacts.cursor().asString());   // where we stopped
    }
    // later, even in another process (Salesforce keeps cursors for two days, API v56.0+)
    QueryCursor cursor = QueryCursor.parse(store.get("contacts-cursor"));
    try (QueryResult<SObject> remaining = rest.resume(cursor)) {
      remaining.forEach(c -> System.out.println(c.getString("Email")));
    }
    // end snippet
  }

  static void children(RestClient rest) {
    // snippet: rest-children
    String soql = "SELECT Id, Name, (SELECT Id, LastName FROM Contacts ORDER BY LastName) FROM Account";
    try (QueryResult<SObject> accounts = rest.query(soql)) {
      for (SObject account : accounts) {
        RelatedRecords nested = account.getChildren("Contacts");   // maybe only the first batch
        System.out.println(account.getString("Name") + ": " + nested.totalSize() + " contacts");
        for (SObject contact : rest.children(nested)) {            // the nested batch, then the rest
          System.out.println("  " + contact.getString("LastName"));
        }
      }                                                            // the parent's next page comes after
    }
    // end snippet
  }

  static String soqlBuilder(String userInput, List<String> industries) {
    // snippet: rest-soql-builder
    String soql = SoqlBuilder.select("Id", "Name", "Owner.Name")
        .from("Account")
        .where(Condition.startsWith("Name", userInput)       // LIKE 'userInput%', with % and _ escaped
            .and(Condition.in("Industry", industries))
            .and(Condition.isNotNull("External_ERP_Id__c")))
        .orderBy("Name")
        .limit(200)
        .toSoql();
    // end snippet
    return soql;
  }

  static void search(RestClient rest) {
    // snippet: rest-search
    List<SObject> found = rest.search("FIND {Acme*} IN NAME FIELDS RETURNING Account(Id, Name), Contact(Id, Email)");
    List<SObject> accounts = rest.parameterizedSearch(ParameterizedSearch.builder("Acme")
        .sobject("Account", 10, "Id", "Name")
        .build());
    // end snippet
  }

  static void describe(RestClient rest, String id, Instant lastSync) {
    // snippet: rest-describe
    SObjectDescribe contact = rest.describe("Contact");     // cached; revalidated with If-Modified-Since
    for (FieldDescribe field : contact.fields()) {
      if (field.externalId()) {
        System.out.println("external id: " + field.name());
      }
    }
    Conditional<SObject> changed = rest.retrieveIfModified("Contact", id,
        RequestOptions.builder().ifModifiedSince(lastSync).build(), "Email");
    if (changed.isNotModified()) {
      System.out.println("304: nothing new since " + lastSync);
    }
    // end snippet
  }

  static void limits(RestClient rest) {
    // snippet: rest-limits
    OrgLimits limits = rest.limits();                       // GET /limits
    limits.get("DailyApiRequests").ifPresent(l -> System.out.println(l.remaining() + " of " + l.max() + " left"));
    // every response's Sforce-Limit-Info header is tracked by the connection, at no extra call
    rest.connection().apiUsage().ifPresent(u -> System.out.println(u.used() + "/" + u.max() + " used today"));
    // end snippet
  }

  static void raw(RestClient rest) {
    // snippet: rest-raw
    RawResponse response = rest.rawJson("POST", "/services/apexrest/orders/v1", Map.of("orderNumber", "SO-1001"));
    System.out.println(response.statusCode() + " " + response.bodyAsString());
    RawResponse tooling = rest.rawJson("GET", rest.dataPath() + "/tooling/query?q="
        + java.net.URLEncoder.encode("SELECT Id FROM ApexClass", java.nio.charset.StandardCharsets.UTF_8), null);
    // end snippet
  }

  static void uiApi(RestClient rest, String orderNumber) {
    // snippet: rest-ui-api
    IdempotencyKey key = IdempotencyKey.derived("erp-orders", orderNumber);   // same order, same key
    UiRecord created = rest.uiApi().createRecord("Account", Map.of("Name", "Acme " + orderNumber), key);
    // a retry after a dropped connection, or a rerun of the job, sends the same key:
    // Salesforce answers with the first result instead of creating a second account
    // end snippet
  }

  static void composite(RestClient rest) {
    // snippet: rest-composite
    CompositeRequest request = CompositeRequest.builder()
        .allOrNone(true)                                   // one failure rolls every subrequest back
        .add("NewAccount", Subrequest.create(SObject.builder("Account").set("Name", "Acme").build()))
        .add("NewContact", Subrequest.create(SObject.builder("Contact")
            .set("LastName", "Lovelace")
            .set("AccountId", Reference.to("NewAccount").field("id"))   // @{NewAccount.id}
            .build()))
        .add("Check", Subrequest.query("SELECT Id, Account.Name FROM Contact WHERE Id = '"
            + Reference.to("NewContact").field("id") + "'"))
        .add("Tag", Subrequest.update(SObject.builder("Contact")
            .set("Id", Reference.to("Check").field("records").index(0).field("Id"))   // @{Check.records[0].Id}
            .set("Description", Reference.to("Check").field("records").index(0).field("Account").field("Name"))
            .build()))
        .build();                                          // limits and references checked here, before sending

    CompositeResult result = rest.composite().execute(request);
    if (!result.allSucceeded()) {
      for (SubResult cause : result.causes()) {            // the failures themselves, not the halted rest
        System.out.println(cause.referenceId().orElseThrow() + ": " + cause.errors());
      }
    }
    // end snippet
  }

  static void batch(RestClient rest, List<String> accountIds) {
    // snippet: rest-batch
    BatchRequest.Builder batch = BatchRequest.builder().haltOnError(true);
    for (String id : accountIds) {
      batch.add(Subrequest.retrieve("Account", id, "Name", "Industry"));   // independent: no references
    }
    BatchResult result = rest.composite().batch(batch.build());        // one call per 25 subrequests
    System.out.println(result.calls() + " calls, " + result.notAttempted().size() + " not sent after a failure");
    // end snippet
  }

  static void tree(RestClient rest) {
    // snippet: rest-tree
    TreeRequest request = TreeRequest.builder("Account")
        .add(TreeRecord.of("acme", SObject.builder("Account").set("Name", "Acme").build())
            .withChildren("Contacts",
                TreeRecord.of("ada", SObject.builder("Contact").set("LastName", "Lovelace").build()),
                TreeRecord.of("alan", SObject.builder("Contact").set("LastName", "Turing").build())))
        .build();                                          // ≤ 200 records, ≤ 5 types, ≤ 5 levels
    TreeResult result = rest.composite().tree(request);
    if (result.isSuccess()) {
      System.out.println("Acme is " + result.id("acme").orElseThrow());
    } else {
      System.out.println("nothing created: " + result.errorsByReferenceId());
    }
    // end snippet
  }

  static void graph(RestClient rest) {
    // snippet: rest-graph
    Graph onboarding = Graph.builder("acme")
        .add("account", Subrequest.upsert(SObject.builder("Account")
            .set("External_ERP_Id__c", "ERP-A-1").set("Name", "Acme").build(), "External_ERP_Id__c"))
        .add("contact", Subrequest.upsert(SObject.builder("Contact")
            .set("External_ERP_Id__c", "ERP-C-1").set("LastName", "Lovelace")
            .set("AccountId", Reference.to("account").field("id")).build(), "External_ERP_Id__c"))
        .add("deal", Subrequest.create(SObject.builder("Opportunity")
            .set("Name", "Acme first order").set("StageName", "Prospecting")
            .set("CloseDate", LocalDate.of(2030, 6, 30))
            .set("AccountId", Reference.to("account").field("id")).build()))
        .build();
    GraphResult result = rest.composite().graph(GraphRequest.builder().add(onboarding).build());
    result.failedGraphs().forEach(g -> System.out.println(g.graphId() + " rolled back: " + g.failures()));
    // end snippet
  }

  static void collections(RestClient rest, List<SObject> contacts) {
    // snippet: rest-collections
    CollectionOptions options = CollectionOptions.builder()
        .concurrency(3)                                    // up to 3 requests of 200 records in flight
        .allOrNone(false)                                  // per request of 200, never across requests
        .build();
    CollectionResult result = rest.collections().upsert("Contact", "External_ERP_Id__c", contacts, options);

    System.out.println(result.apiCalls() + " calls");     // ceil(n / 200)
    for (RecordResult r : result.results()) {             // one per input record, in input order
      if (r.status() == RecordStatus.FAILED) {
        System.out.println("record " + r.index() + ": " + r.errors());
      } else if (r.status() == RecordStatus.UNKNOWN) {
        System.out.println("record " + r.index() + ": its request failed as a whole; check before resending");
      }
    }
    result.throwIfRequestFailed();                         // or: surface whole-request failures as exceptions
    // end snippet
  }

  static void lockRetry(RestClient rest, List<SObject> contacts) {
    // snippet: rest-lock-retry
    CollectionOptions options = CollectionOptions.builder()
        .retryLockedRecords(LockRetry.builder()
            .maxAttempts(4)                                // the first send included
            .baseDelay(Duration.ofSeconds(1))              // doubles each round, with jitter
            .maxDelay(Duration.ofSeconds(20))
            .build())
        .build();
    CollectionResult result = rest.collections().create(contacts, options);
    long resent = result.results().stream().filter(r -> r.attempts() > 1).count();
    System.out.println(resent + " records were re-sent after UNABLE_TO_LOCK_ROW; no saved record was sent twice");
    // end snippet
  }

  static RestClient retries(AuthProvider auth) {
    // snippet: rest-retries
    SalesforceConnection connection = SalesforceConnection.builder()
        .authProvider(auth)
        .retryPolicy(RetryPolicy.defaults().toBuilder()
            .maxAttempts(5)
            .callTimeout(Duration.ofMinutes(2))            // the whole call, every retry included
            .build())
        .build();
    RestClient rest = RestClient.create(connection);
    // resent after a dropped connection: GET, PATCH by id, DELETE, upsert by external id, UI API writes (keyed)
    // never resent once it may have reached Salesforce: a plain create (POST), a composite or batch holding one
    // end snippet
    return rest;
  }
}
