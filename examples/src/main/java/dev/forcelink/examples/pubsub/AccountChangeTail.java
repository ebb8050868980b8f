package dev.forcelink.examples.pubsub;

import dev.forcelink.examples.ExampleOrg;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.PubSubEvent;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import dev.forcelink.pubsub.cdc.ChangeEventHeader;
import dev.forcelink.pubsub.cdc.ChangeType;
import dev.forcelink.rest.RequestOptions;
import dev.forcelink.rest.RestClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * "Account change tail": follows {@code /data/AccountChangeEvent} while it creates, updates and
 * deletes an Account through the REST API, and prints one line per change event: the change type,
 * the record ids, and the changed and nulled fields by name (the Pub/Sub API sends them as bitmaps;
 * {@link PubSubEvent#changeEventHeader()} decodes them against the event's schema).
 *
 * <p>Against a real org, enable Change Data Capture for Account first. The subscription starts from
 * the earliest retained event, so that no change made while the stream opens is missed; on a busy
 * org, changes older than this run's are printed too.
 *
 * <p>Run: {@code mvn -B -q -pl examples -am -DskipTests package exec:java
 * -Dexec.mainClass=dev.forcelink.examples.pubsub.AccountChangeTail}.
 */
public final class AccountChangeTail {
  /** The Change Data Capture topic of Account. */
  public static final String TOPIC = "/data/AccountChangeEvent";

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private AccountChangeTail() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted while waiting for the events
   */
  public static void main(String[] args) throws InterruptedException {
    try (ExampleOrg org = ExampleOrg.connect()) {
      run(org, System.out);
    }
  }

  /**
   * Makes four changes to a new Account (create, update, update that clears a field, delete) and
   * prints the change event of each.
   *
   * @param org the org
   * @param out where to print
   * @return the Account's id
   * @throws IllegalStateException if the four events do not arrive within 30 seconds
   * @throws InterruptedException if interrupted while waiting
   */
  public static String run(ExampleOrg org, PrintStream out) throws InterruptedException {
    int changes = 4;
    CountDownLatch seen = new CountDownLatch(changes);
    try (PubSubClient pubsub = org.pubSubClient();
        RestClient rest = RestClient.create(org.connection())) {
      Subscription tail = pubsub.subscribe(TOPIC, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).build(),
          event -> {
            out.println(describe(event));
            seen.countDown();
          });
      try {
        String id = rest.create("Account", Map.of("Name", "Initech", "Phone", "+1 555 0100", "Industry", "Technology"))
            .id();
        rest.update("Account", id, Map.of("Phone", "+1 555 0199", "Website", "https://initech.example"));
        rest.update("Account", id, Map.of("Name", "Initech Ltd"),
            RequestOptions.builder().fieldsToNull("Phone", "Website").build());
        rest.delete("Account", id);
        if (!seen.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("Only " + (changes - seen.getCount()) + " of " + changes
              + " change events arrived within " + PATIENCE + " on " + TOPIC);
        }
        return id;
      } finally {
        tail.close();
      }
    }
  }

  /**
   * Formats one change event, such as {@code UPDATE Account [001…] changed=[Phone, LastModifiedDate]
   * nulled=[]}. A create's header lists no changed fields, so for a create the line names the fields
   * the event carries values for instead ({@code set=[…]}).
   *
   * @param event a change event
   * @return the line
   * @throws IllegalArgumentException if the event has no change event header
   */
  static String describe(PubSubEvent event) {
    ChangeEventHeader header = event.changeEventHeader().orElseThrow(() ->
        new IllegalArgumentException("Not a change event: " + event));
    String line = header.changeType() + " " + header.entityName() + " " + header.recordIds();
    if (header.changeType() == ChangeType.CREATE) {
      List<String> set = new ArrayList<>();
      event.asMap().forEach((field, value) -> {
        if (value != null && !field.equals("ChangeEventHeader")) {
          set.add(field);
        }
      });
      return line + " set=" + set;
    }
    return line + " changed=" + header.changedFields() + " nulled=" + header.nulledFields();
  }
}
