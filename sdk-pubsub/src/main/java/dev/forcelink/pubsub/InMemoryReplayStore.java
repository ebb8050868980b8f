package dev.forcelink.pubsub;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ReplayStore} in this process's memory: positions survive stream errors, not restarts.
 * Thread-safe.
 */
public final class InMemoryReplayStore implements ReplayStore {
  private final ConcurrentMap<String, ReplayId> positions = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryReplayStore() {}

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if the key is null
   */
  @Override
  public Optional<ReplayId> load(String subscriptionKey) {
    return Optional.ofNullable(positions.get(Objects.requireNonNull(subscriptionKey, "subscriptionKey")));
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if an argument is null
   */
  @Override
  public void save(String subscriptionKey, ReplayId replayId) {
    positions.put(Objects.requireNonNull(subscriptionKey, "subscriptionKey"),
        Objects.requireNonNull(replayId, "replayId"));
  }

  @Override
  public String toString() {
    return "InMemoryReplayStore{keys=" + positions.size() + "}";
  }
}
