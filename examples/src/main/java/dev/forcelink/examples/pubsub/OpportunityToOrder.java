package dev.forcelink.examples.pubsub;

import dev.forcelink.core.idempotency.JdbcProcessedMessageLedger;
import dev.forcelink.examples.ExampleOrg;
import dev.forcelink.pubsub.EventHandler;
import dev.forcelink.pubsub.EventHandlerException;
import dev.forcelink.pubsub.FileReplayStore;
import dev.forcelink.pubsub.IdempotentHandler;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import dev.forcelink.rest.RestClient;
import dev.forcelink.testkit.EmulatorSchema;
import dev.forcelink.testkit.SchemaField;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.h2.jdbcx.JdbcDataSource;

/**
 * "Opportunity to order": a won opportunity publishes an {@code Order_Event__e}; a subscriber
 * creates the order in an ERP exactly once and reports it back to Salesforce as an {@code Order}
 * upserted by its ERP order number.
 *
 * <p>Exactly once comes from two stores that outlive the process, both in the work directory: a
 * {@link FileReplayStore} holding the last processed replay id, so a restarted subscriber resumes
 * where the last one stopped and loses nothing, and a {@link JdbcProcessedMessageLedger} on an H2
 * file database, so an event delivered again (it was processed, but the process died before its
 * replay id was stored) is recognised by {@link IdempotentHandler} and skipped. The run shows it:
 * the first subscriber "crashes" after a few orders at that worst moment, and a second one, built
 * afresh over the same directory, finishes the rest.
 *
 * <p>Against a real org: {@code Order} needs a text external id field {@code ERP_Order_Number__c};
 * {@link #emulatorSchema()} declares it in the emulator (with {@code Order.OpportunityId}, which
 * real orgs have). The first subscriber of a work directory starts from the earliest retained event.
 *
 * <p>Run: {@code mvn -B -q -pl examples -am -DskipTests package exec:java
 * -Dexec.mainClass=dev.forcelink.examples.pubsub.OpportunityToOrder}.
 */
public final class OpportunityToOrder {
  /** The platform event topic. */
  public static final String TOPIC = "/event/Order_Event__e";

  private static final String SUBSCRIPTION_KEY = "opportunity-to-order";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private OpportunityToOrder() {}

  /**
   * What a run did, for its test and its printout.
   *
   * @param opportunityIds the opportunities won, in order
   * @param erpOrders every order in the ERP at the end, oldest first
   * @param ordersBeforeCrash orders the first subscriber made before its simulated crash
   * @param deliveries events handed to either subscriber's handler, redeliveries included
   * @param skippedRedeliveries events the ledger recognised as already processed
   */
  public record Outcome(List<String> opportunityIds, List<ErpOrder> erpOrders, int ordersBeforeCrash,
      int deliveries, int skippedRedeliveries) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list is null
     */
    public Outcome {
      opportunityIds = List.copyOf(opportunityIds);
      erpOrders = List.copyOf(erpOrders);
    }
  }

  /**
   * Returns the fields this example needs beyond the emulator's default schema: {@code
   * Order.ERP_Order_Number__c} (external id) and {@code Order.OpportunityId}.
   *
   * @return the schema addition
   */
  public static EmulatorSchema emulatorSchema() {
    return EmulatorSchema.builder()
        .object("Order",
            SchemaField.builder(OrderSync.ERP_NUMBER_FIELD, "string").length(40).externalId(true).unique(true).build(),
            SchemaField.builder("OpportunityId", "reference").referenceTo("Opportunity")
                .relationshipName("Opportunity").childRelationshipName("Orders").build())
        .build();
  }

  /**
   * Runs the example with 12 opportunities and a crash after the 5th order.
   *
   * @param args optionally the work directory (default: a new temporary one)
   * @throws Exception if the run fails
   */
  public static void main(String[] args) throws Exception {
    Path workDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("opportunity-to-order");
    try (ExampleOrg org = ExampleOrg.connect(System.getenv(), emulator -> emulator.schema(emulatorSchema()))) {
      run(org, workDir, 12, 5, System.out);
    }
  }

  /**
   * Wins {@code opportunities} opportunities, runs a subscriber that crashes after {@code
   * crashAfter} orders, then a fresh one over the same work directory until every order is made.
   *
   * @param org the org, with the fields of {@link #emulatorSchema()}
   * @param workDir where the replay store, the ledger database and the ERP's order file live
   * @param opportunities how many opportunities to win, at least 2
   * @param crashAfter after how many orders the first subscriber crashes, 1 to {@code
   *     opportunities - 1}
   * @param out where to print
   * @return what happened
   * @throws IllegalArgumentException if the counts are out of range
   * @throws IllegalStateException if the subscribers do not make every order within a minute, or
   *     the first one stops for another reason than its crash
   * @throws InterruptedException if interrupted while waiting
   */
  public static Outcome run(ExampleOrg org, Path workDir, int opportunities, int crashAfter, PrintStream out)
      throws InterruptedException {
    if (opportunities < 2 || crashAfter < 1 || crashAfter >= opportunities) {
      throw new IllegalArgumentException("need at least 2 opportunities and a crash after 1 to opportunities - 1 "
          + "orders, got " + opportunities + " and " + crashAfter);
    }
    List<String> won;
    try (RestClient rest = RestClient.create(org.connection())) {
      won = new SalesforceSide(rest).winOpportunities(opportunities);
    }
    out.println("Salesforce: " + won.size() + " opportunities closed as won, one Order_Event__e each");

    OrderProgress progress = new OrderProgress();
    try (OrderSubscriber first = OrderSubscriber.start(org, workDir, progress, crashAfter)) {
      Throwable stop = first.awaitStop();
      if (!(stop instanceof EventHandlerException && stop.getCause() instanceof SimulatedCrash)) {
        throw new IllegalStateException("The first subscriber stopped without its simulated crash", stop);
      }
      out.println("Subscriber 1: " + progress.syncedOrders() + " orders made, then crashed before storing the "
          + "last event's replay id");
    }
    int beforeCrash = progress.syncedOrders();

    try (OrderSubscriber second = OrderSubscriber.start(org, workDir, progress, 0)) {
      out.println("Subscriber 2: resuming from the stored replay id " + second.storedPosition());
      progress.awaitSynced(opportunities, PATIENCE);
    }
    List<ErpOrder> orders = FakeErp.open(OrderSubscriber.erpFile(workDir)).orders();
    int skipped = progress.deliveries() - progress.syncedOrders();
    out.println("Subscriber 2: " + (progress.syncedOrders() - beforeCrash) + " orders made, " + skipped
        + " redelivered event(s) skipped by the ledger");
    for (ErpOrder order : orders) {
      out.println("  " + order.orderNumber() + "  opportunity " + order.opportunityId() + "  " + order.amount()
          + "  -> Order upserted by " + OrderSync.ERP_NUMBER_FIELD);
    }
    out.println("ERP: " + orders.size() + " orders for " + won.size() + " opportunities");
    return new Outcome(won, orders, beforeCrash, progress.deliveries(), skipped);
  }

  /** One subscriber "process": its own clients, ERP handle and ledger over the shared work directory. */
  private static final class OrderSubscriber implements AutoCloseable {
    private final PubSubClient pubsub;
    private final RestClient rest;
    private final FileReplayStore replayStore;
    private final Subscription subscription;

    private OrderSubscriber(ExampleOrg org, Path workDir, OrderProgress progress, int crashAfter) {
      this.pubsub = org.pubSubClient();
      this.rest = RestClient.create(org.connection());
      this.replayStore = FileReplayStore.create(workDir.resolve("replay"));
      FakeErp erp = FakeErp.open(erpFile(workDir));
      EventHandler sync = new OrderSync(rest, erp, order -> progress.synced());
      EventHandler once = IdempotentHandler.wrap(sync, ledger(workDir));
      EventHandler handler = event -> {
        progress.delivered();
        once.handle(event);
        if (crashAfter > 0 && progress.syncedOrders() >= crashAfter) {
          throw new SimulatedCrash("crashed after " + crashAfter + " orders");
        }
      };
      SubscribeOptions options = SubscribeOptions.builder()
          .replayFrom(ReplayFrom.earliest())
          .replayStore(replayStore)
          .subscriptionKey(SUBSCRIPTION_KEY)
          .build();
      this.subscription = pubsub.subscribe(TOPIC, options, handler);
    }

    static OrderSubscriber start(ExampleOrg org, Path workDir, OrderProgress progress, int crashAfter) {
      return new OrderSubscriber(org, workDir, progress, crashAfter);
    }

    static Path erpFile(Path workDir) {
      return workDir.resolve("erp-orders.tsv");
    }

    private static JdbcProcessedMessageLedger ledger(Path workDir) {
      JdbcDataSource database = new JdbcDataSource();
      database.setURL("jdbc:h2:file:" + workDir.resolve("ledger").toAbsolutePath());
      JdbcProcessedMessageLedger ledger = JdbcProcessedMessageLedger.create(database);
      ledger.createTableIfMissing();
      return ledger;
    }

    String storedPosition() {
      return replayStore.load(SUBSCRIPTION_KEY).map(Objects::toString).orElse("(none)");
    }

    Throwable awaitStop() throws InterruptedException {
      try {
        subscription.termination().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        return null;
      } catch (ExecutionException e) {
        return e.getCause();
      } catch (TimeoutException e) {
        throw new IllegalStateException("The first subscriber neither crashed nor stopped within " + PATIENCE, e);
      }
    }

    @Override
    public void close() {
      subscription.close();
      pubsub.close();
      rest.close();
    }
  }
}
