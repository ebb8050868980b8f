/**
 * The Salesforce Pub/Sub API client: {@link dev.forcelink.pubsub.PubSubClient} (topics, schemas,
 * subscribe with flow control and automatic resume, managed subscribe, publish and publish streams),
 * the {@link dev.forcelink.pubsub.ReplayStore} SPI with in-memory, file and JDBC stores, and {@link
 * dev.forcelink.pubsub.IdempotentHandler} for consumers that must act once per event.
 *
 * <p>A subscription stores the replay id of the last event it has processed (not merely received),
 * advancing only past a contiguous run of processed events, and resumes from it with {@code CUSTOM}
 * replay: after a failure events may repeat, none is lost, and a rejected replay id is always
 * reported before the {@link dev.forcelink.pubsub.ReplayGapPolicy} applies.
 */
package dev.forcelink.pubsub;
