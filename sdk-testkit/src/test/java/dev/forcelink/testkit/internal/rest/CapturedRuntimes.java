package dev.forcelink.testkit.internal.rest;

import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.EmulatorFeature;
import dev.forcelink.testkit.internal.EmulatorRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A test-only feature that remembers each emulator's runtime, so tests can read its change log and store. */
public final class CapturedRuntimes implements EmulatorFeature {

    private static final Map<String, EmulatorRuntime> BY_URL = new ConcurrentHashMap<>();
    private String url;

    @Override
    public void start(EmulatorRuntime runtime) {
        url = runtime.instanceUrl();
        BY_URL.put(url, runtime);
    }

    @Override
    public void close() {
        BY_URL.remove(url);
    }

    /** @return the runtime of a running emulator */
    public static EmulatorRuntime of(SalesforceEmulator emulator) {
        EmulatorRuntime runtime = BY_URL.get(emulator.instanceUrl());
        if (runtime == null) {
            throw new IllegalStateException("no runtime captured for " + emulator.instanceUrl());
        }
        return runtime;
    }
}
