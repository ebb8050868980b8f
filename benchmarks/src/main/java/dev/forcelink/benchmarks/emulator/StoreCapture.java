package dev.forcelink.benchmarks.emulator;

import dev.forcelink.testkit.internal.EmulatorFeature;
import dev.forcelink.testkit.internal.EmulatorRuntime;
import dev.forcelink.testkit.internal.org.RecordStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An emulator feature that only remembers each running emulator's record store by instance URL,
 * so that a benchmark can seed hundreds of thousands of records in memory instead of through the
 * REST API it is about to measure. Listed in {@code META-INF/services}, so every emulator started
 * in a JVM that has the benchmarks on its class path registers itself here.
 *
 * <p>Thread-safe.
 */
public final class StoreCapture implements EmulatorFeature {
  private static final Map<String, RecordStore> STORES = new ConcurrentHashMap<>();
  private String instanceUrl;

  /** Creates the feature; called by {@link java.util.ServiceLoader}. */
  public StoreCapture() {
    // a fresh instance per emulator
  }

  @Override
  public void start(EmulatorRuntime runtime) {
    instanceUrl = runtime.instanceUrl();
    STORES.put(instanceUrl, runtime.store());
  }

  @Override
  public void close() {
    if (instanceUrl != null) {
      STORES.remove(instanceUrl);
    }
  }

  /**
   * Returns the record store of the emulator serving {@code instanceUrl} in this JVM.
   *
   * @param instanceUrl the emulator's {@code instanceUrl()}
   * @return the store, or empty if no such emulator runs here
   */
  static Optional<RecordStore> storeOf(String instanceUrl) {
    return Optional.ofNullable(STORES.get(instanceUrl));
  }
}
