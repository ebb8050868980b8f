package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.EmulatorFeature;
import dev.forcelink.testkit.internal.EmulatorRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test-only feature (listed in the test resources) that remembers each emulator's runtime, so tests can write
 * through the record store as the REST, Composite and Bulk resources do.
 */
public final class RuntimeCapture implements EmulatorFeature {

    private static final Map<String, EmulatorRuntime> BY_ORG = new ConcurrentHashMap<>();
    private String orgId;

    static EmulatorRuntime of(SalesforceEmulator emulator) {
        return BY_ORG.get(emulator.orgId());
    }

    @Override
    public void start(EmulatorRuntime runtime) {
        orgId = runtime.identity().orgId();
        BY_ORG.put(orgId, runtime);
    }

    @Override
    public void close() {
        if (orgId != null) {
            BY_ORG.remove(orgId);
        }
    }
}
