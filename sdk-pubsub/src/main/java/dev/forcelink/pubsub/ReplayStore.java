package dev.forcelink.pubsub;

import java.util.Optional;

/**
 * Keeps the replay id of the last processed event of each subscription, so that a subscription
 * resumes after a stream error, or after a process restart, from exactly where processing stopped.
 *
 * <p>The subscription saves an id only once it and every earlier event have been processed, and
 * resumes from the loaded id with {@code CUSTOM} replay: events after it are delivered again, none
 * is lost. Implementations: {@link InMemoryReplayStore}, {@link FileReplayStore}, {@link
 * JdbcReplayStore}.
 *
 * <p>Implementations must be thread-safe; a subscription calls {@link #save} from its worker
 * threads, one call at a time per key.
 */
public interface ReplayStore {

  /**
   * Returns the stored replay id.
   *
   * @param subscriptionKey the subscription's key (by default its topic name)
   * @return the last saved id, empty if none
   * @throws ReplayStoreException if the store cannot be read
   */
  Optional<ReplayId> load(String subscriptionKey);

  /**
   * Stores the replay id, replacing the previous one.
   *
   * @param subscriptionKey the subscription's key
   * @param replayId the replay id of the last processed event
   * @throws ReplayStoreException if the store cannot be written
   */
  void save(String subscriptionKey, ReplayId replayId);
}
