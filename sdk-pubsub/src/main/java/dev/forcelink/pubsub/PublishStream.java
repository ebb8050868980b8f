package dev.forcelink.pubsub;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A long-lived publisher on one topic over a {@code PublishStream} call. Batches are pipelined: each
 * {@link #publish(List)} sends at once without waiting for earlier answers, and each returns its own
 * future. The stream is closed after a quiet spell shorter than the server's 70 s idle limit and
 * reopened by the next publish, and reopened after a stream error.
 *
 * <p>Thread-safe.
 */
public interface PublishStream extends AutoCloseable {

  /**
   * Returns the topic.
   *
   * @return the topic name
   */
  String topic();

  /**
   * Encodes and sends the events, split into several requests when they exceed 200 events or 3 MB.
   * Size checks happen before anything is sent.
   *
   * @param events payloads ({@code GenericRecord}, {@code Map} or Jackson-mappable objects) or
   *     {@link OutgoingEvent}s
   * @return a future of one result per event, in the given order; it fails with a {@link
   *     PubSubException} if the stream fails before the answer arrives (the events may or may not
   *     have been published)
   * @throws IllegalArgumentException if an event is over 1 MB or does not fit the topic's schema
   * @throws IllegalStateException if the stream is closed
   * @throws PubSubException if the topic or its schema cannot be read
   */
  CompletableFuture<List<PublishResult>> publish(List<?> events);

  /**
   * Ends the stream after the batches already sent are answered. Idempotent; never throws.
   */
  @Override
  void close();
}
