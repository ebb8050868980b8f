package dev.forcelink.examples.snippets;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.idempotency.JdbcProcessedMessageLedger;
import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.pubsub.EventHandler;
import dev.forcelink.pubsub.EventHandlerException;
import dev.forcelink.pubsub.EventSchema;
import dev.forcelink.pubsub.FileReplayStore;
import dev.forcelink.pubsub.IdempotentHandler;
import dev.forcelink.pubsub.JdbcReplayStore;
import dev.forcelink.pubsub.ManagedSubscriptionRef;
import dev.forcelink.pubsub.OutgoingEvent;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.PubSubEvent;
import dev.forcelink.pubsub.PubSubException;
import dev.forcelink.pubsub.PublishResult;
import dev.forcelink.pubsub.PublishStream;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.ReplayGap;
import dev.forcelink.pubsub.ReplayGapPolicy;
import dev.forcelink.pubsub.Resubscribed;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import dev.forcelink.pubsub.SubscriptionListener;
import dev.forcelink.pubsub.TopicInfo;
import dev.forcelink.pubsub.cdc.ChangeEventHeader;
import dev.forcelink.pubsub.cdc.ChangeType;
import dev.forcelink.testkit.SalesforceEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import javax.sql.DataSource;

/** Snippets of docs/pubsub.md, compiled. */
final class PubSubSnippets {
  private PubSubSnippets() {}

  static PubSubClient connect(SalesforceConnection connection) {
    // snippet: pubsub-connect
    PubSubClient pubsub = PubSubClient.builder(connection)   // tokens come from the connection's AuthProvider
        .build();                                          // api.pubsub.salesforce.com:7443, TLS
    // end snippet
    return pubsub;
  }

  static PubSubClient connectWithOptions(SalesforceConnection connection) {
    // snippet: pubsub-connect-options
    PubSubClient pubsub = PubSubClient.builder(connection)
        .endpoint("api.pubsub.salesforce.com", 443)          // another port or a regional endpoint
        .tenantId("00D5e000000AbCd")                         // only if your tokens carry no org id
        .keepAliveTime(Duration.ofMinutes(5))               // HTTP/2 pings during calls; 5 minutes at least
        .publishStreamIdleTimeout(Duration.ofSeconds(60))   // below the server's 70 s
        .build();
    // end snippet
    return pubsub;
  }

  static PubSubClient connectToEmulator(SalesforceConnection connection, SalesforceEmulator emulator) {
    // snippet: pubsub-connect-emulator
    String[] address = emulator.pubSubAddress().split(":");     // "127.0.0.1:port"
    PubSubClient pubsub = PubSubClient.builder(connection)
        .endpoint(address[0], Integer.parseInt(address[1]))
        .plaintext(true)                                    // allowed for loopback addresses only
        .build();
    // end snippet
    return pubsub;
  }

  static void topics(PubSubClient pubsub) {
    // snippet: pubsub-topics
    TopicInfo topic = pubsub.getTopic("/event/Order_Event__e");
    System.out.println(topic.canPublish() + " " + topic.canSubscribe() + " " + topic.schemaId());
    EventSchema schema = pubsub.getSchema(topic.schemaId());  // cached by schema id
    System.out.println(schema.json());                        // the Avro schema, as JSON
    // end snippet
  }

  static Subscription subscribe(PubSubClient pubsub, Path stateDir) {
    // snippet: pubsub-subscribe
    SubscribeOptions options = SubscribeOptions.builder()
        .replayStore(FileReplayStore.create(stateDir))        // survives restarts
        .replayFrom(ReplayFrom.earliest())                    // only when the store holds nothing yet
        .build();
    Subscription subscription = pubsub.subscribe("/event/Order_Event__e", options, event -> {
      Map<String, Object> order = event.asMap();              // or event.as(Order.class), event.asGenericRecord()
      System.out.println(event.replayId() + " " + order.get("Status__c"));
    });                                                       // returning normally marks the event processed
    // end snippet
    return subscription;
  }

  static void waitForTheEnd(Subscription subscription) {
    // snippet: pubsub-termination
    try {
      subscription.termination().join();                      // completes normally on close()
    } catch (CompletionException e) {
      if (e.getCause() instanceof EventHandlerException failed) {
        System.out.println("handler failed on " + failed.replayId() + "; it comes again next time");
      } else if (e.getCause() instanceof PubSubException stopped) {
        System.out.println(stopped.status() + " " + stopped.errorCode().orElse("") + " "
            + stopped.rpcId().orElse(""));
      }
    }
    // end snippet
  }

  static SubscribeOptions flowControl() {
    // snippet: pubsub-flow-control
    SubscribeOptions options = SubscribeOptions.builder()
        .batchSize(50)                                       // at most 50 events requested at once (100 max)
        .lowWatermark(10)                                    // ask for more when 10 or fewer are owed
        .concurrency(4)                                      // four handler threads; order is no longer strict
        .queueCapacity(200)                                  // received but not yet processed
        .executor(Executors.newFixedThreadPool(4))           // default: the connection's executor
        .checkpointEvery(20)                                 // store the position every 20 processed events
        .stallTimeout(Duration.ofMinutes(5))                 // watchdog: restart a stream silent this long
        .resumePolicy(RetryPolicy.builder()
            .maxAttempts(10)                                 // consecutive failed streams before giving up
            .baseDelay(Duration.ofSeconds(1))
            .maxBackoff(Duration.ofMinutes(1))
            .build())
        .build();
    // end snippet
    return options;
  }

  static void flowPublisher(PubSubClient pubsub) {
    // snippet: pubsub-flow-publisher
    Flow.Publisher<PubSubEvent> events = pubsub.publisher("/data/AccountChangeEvent",
        SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).build());
    events.subscribe(new Flow.Subscriber<>() {
      private Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(10);                                       // only requested events are fetched
      }

      @Override
      public void onNext(PubSubEvent event) {
        System.out.println(event.changeEventHeader().orElseThrow().changeType());
        event.ack();                                         // only acknowledged events move the position
        subscription.request(1);
      }

      @Override
      public void onError(Throwable failure) {
        System.out.println("stopped: " + failure);
      }

      @Override
      public void onComplete() {}
    });
    // end snippet
  }

  static SubscribeOptions jdbcStore(DataSource dataSource) {
    // snippet: pubsub-jdbc-store
    JdbcReplayStore store = JdbcReplayStore.create(dataSource);
    store.createTableIfMissing();                            // or create forcelink_replay_position yourself
    SubscribeOptions options = SubscribeOptions.builder()
        .replayStore(store)
        .subscriptionKey("erp-order-sync")                   // one position per key; default: the topic name
        .build();
    // end snippet
    return options;
  }

  static SubscribeOptions gapPolicy() {
    // snippet: pubsub-gap-policy
    SubscribeOptions options = SubscribeOptions.builder()
        .gapPolicy(ReplayGapPolicy.EARLIEST)                 // default FAIL; LATEST skips to the tip
        .listener(new SubscriptionListener() {
          @Override
          public void onReplayGap(ReplayGap gap) {           // always called before the policy applies
            System.out.println("replay id " + gap.rejectedReplayId() + " of " + gap.topic() + " rejected ("
                + gap.errorCode() + "); now " + gap.action());
          }

          @Override
          public void onResubscribe(Resubscribed event) {
            System.out.println("resubscribing from " + event.from() + " after " + event.reason());
          }
        })
        .build();
    // end snippet
    return options;
  }

  static Subscription managed(PubSubClient pubsub) {
    // snippet: pubsub-managed
    Subscription subscription = pubsub.managedSubscribe(
        ManagedSubscriptionRef.developerName("Order_Sync"),  // or ManagedSubscriptionRef.subscriptionId("18x…")
        SubscribeOptions.builder().checkpointEvery(10).build(),
        event -> System.out.println(event.asMap()));         // committed after the handler returns
    // end snippet
    return subscription;
  }

  static void publish(PubSubClient pubsub, String userId) {
    // snippet: pubsub-publish
    Map<String, Object> order = Map.of(
        "CreatedDate", System.currentTimeMillis(),           // required by every platform event schema
        "CreatedById", userId,                               // a user of the org
        "Status__c", "Shipped",
        "Amount__c", 120.0);
    List<PublishResult> results = pubsub.publish("/event/Order_Event__e",
        List.of(OutgoingEvent.of("order-8841-shipped", order)));   // your id comes back as the correlation key
    for (PublishResult result : results) {
      if (result.isSuccess()) {
        System.out.println(result.correlationKey() + " -> " + result.replayId().orElseThrow());
      } else {
        System.out.println(result.correlationKey() + " failed: " + result.error().orElseThrow());
      }
    }
    // end snippet
  }

  static void publishStream(PubSubClient pubsub, List<Map<String, Object>> batch1, List<Map<String, Object>> batch2) {
    // snippet: pubsub-publish-stream
    try (PublishStream stream = pubsub.openPublishStream("/event/Order_Event__e")) {
      CompletableFuture<List<PublishResult>> first = stream.publish(batch1);   // sent at once, pipelined
      CompletableFuture<List<PublishResult>> second = stream.publish(batch2);
      first.thenAccept(results -> System.out.println(results.size() + " answered"));
      second.join();
    }                                                          // close() half-closes; sent batches still get answers
    // end snippet
  }

  static void changeEvents(PubSubClient pubsub) {
    // snippet: pubsub-cdc
    pubsub.subscribe("/data/AccountChangeEvent", SubscribeOptions.defaults(), event -> {
      ChangeEventHeader header = event.changeEventHeader().orElseThrow();
      if (header.changeType().isGap()) {
        // GAP_*: no field values in the event; re-read header.recordIds() through the REST API
        return;
      }
      if (header.changeType() == ChangeType.UPDATE) {
        System.out.println(header.recordIds() + " changed " + header.changedFields()   // [Name, BillingAddress.City, …]
            + ", cleared " + header.nulledFields());
      }
    });
    // end snippet
  }

  static Subscription idempotent(PubSubClient pubsub, DataSource dataSource) {
    // snippet: pubsub-idempotent
    JdbcProcessedMessageLedger ledger = JdbcProcessedMessageLedger.create(dataSource);
    ledger.createTableIfMissing();
    EventHandler sync = event -> System.out.println("posting " + event.eventId() + " to the ERP");
    Subscription subscription = pubsub.subscribe("/event/Order_Event__e",
        SubscribeOptions.builder().replayStore(JdbcReplayStore.create(dataSource)).build(),
        IdempotentHandler.wrap(sync, ledger));               // a redelivered event id is skipped
    // end snippet
    return subscription;
  }
}
