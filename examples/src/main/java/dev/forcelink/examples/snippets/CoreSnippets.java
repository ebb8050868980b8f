package dev.forcelink.examples.snippets;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.event.ForcelinkListener;
import dev.forcelink.core.event.RequestCompleted;
import dev.forcelink.core.event.RetryScheduled;
import dev.forcelink.core.exception.DailyApiLimitExceededException;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.http.Idempotency;
import dev.forcelink.core.http.PathSegments;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.idempotency.IdempotencyKey;
import dev.forcelink.core.idempotency.InMemoryProcessedMessageLedger;
import dev.forcelink.core.idempotency.ProcessedMessageLedger;
import dev.forcelink.core.limits.ApiBudget;
import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.core.soql.Soql;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Snippets of docs/core.md, compiled. */
final class CoreSnippets {
  private CoreSnippets() {}

  static SalesforceConnection connection(AuthProvider auth) {
    // snippet: core-connection
    SalesforceConnection connection = SalesforceConnection.builder()
        .authProvider(auth)                                  // any AuthProvider (sdk-auth has them all)
        .retryPolicy(RetryPolicy.defaults().toBuilder()
            .maxAttempts(4)
            .callTimeout(Duration.ofMinutes(2))              // whole-call deadline, retries included
            .attemptTimeout(Duration.ofSeconds(30))          // one attempt
            .build())
        .apiBudget(ApiBudget.maxDailyShare(0.9))             // refuse calls above 90 % of the daily quota
        .listener(new ForcelinkListener() {
          @Override
          public void onRetry(RetryScheduled retry) {
            System.out.println("retrying " + retry);
          }

          @Override
          public void onRequestEnd(RequestCompleted call) {
            System.out.println(call);
          }
        })
        .userAgent("acme-erp-sync/2.1")
        .build();
    // end snippet
    return connection;
  }

  static void upsertRequest(SalesforceConnection connection, String erpId, String json) {
    // snippet: core-raw-upsert
    SalesforceRequest upsert = SalesforceRequest.builder()
        .patch()
        .path(connection.apiVersion().dataPath() + "/sobjects/Account/External_ERP_Id__c/"
            + PathSegments.encode(erpId))                    // a value with '/' or '..' stays one segment
        .body(json.getBytes(StandardCharsets.UTF_8), "application/json")
        .idempotency(Idempotency.PROTECTED)                  // safe to replay: upsert by external id
        .build();
    try {
      connection.sendForString(upsert);
    } catch (DailyApiLimitExceededException e) {
      // the org's 24-hour allocation is used up: fails at once, never retried
      e.apiUsage().ifPresent(u -> System.out.println(u.used() + "/" + u.max()));
    } catch (SalesforceServiceException e) {
      System.out.println(e.statusCode() + " " + e.errorCode().orElse("") + " " + e.requestId().orElse(""));
    }
    // end snippet
  }

  static String soql(String name) {
    // snippet: core-soql
    String soql = "SELECT Id FROM Account WHERE Name = " + Soql.quote(name)
        + " AND Website LIKE " + Soql.likeContains("acme");
    // end snippet
    return soql;
  }

  static void ledger(String messageId, Runnable createOrderInErp) {
    // snippet: core-ledger
    ProcessedMessageLedger ledger = InMemoryProcessedMessageLedger.builder()
        .maxEntries(100_000)
        .retention(Duration.ofDays(3))
        .build();
    boolean ran = ledger.processOnce(messageId, createOrderInErp);   // false: a redelivery, skipped
    IdempotencyKey key = IdempotencyKey.derived("erp-order", messageId); // the same key on every retry
    // end snippet
    System.out.println(ran + " " + key);
  }
}
