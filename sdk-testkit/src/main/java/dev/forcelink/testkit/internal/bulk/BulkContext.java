package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.EmulatorRuntime;
import dev.forcelink.testkit.internal.org.soql.OrgSoqlCatalog;
import dev.forcelink.testkit.internal.soql.SoqlCatalog;
import dev.forcelink.testkit.internal.soql.SoqlEngine;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/**
 * Everything the Bulk resources and processors of one emulator share. The settings and fault script may be
 * replaced before the emulator serves requests.
 *
 * <p>Thread-safe.
 */
final class BulkContext {

    private final EmulatorRuntime runtime;
    private final JobRegistry jobs;
    private final ExecutorService executor;
    private final Path workDirectory;
    private final SoqlCatalog catalog;
    private final SoqlEngine engine;
    private volatile BulkSettings settings = BulkSettings.defaults();
    private volatile BulkFaultScript faults = new BulkFaultScript();

    BulkContext(EmulatorRuntime runtime, JobRegistry jobs, ExecutorService executor, Path workDirectory) {
        this.runtime = runtime;
        this.jobs = jobs;
        this.executor = executor;
        this.workDirectory = workDirectory;
        this.catalog = new OrgSoqlCatalog(runtime.schema());
        this.engine = SoqlEngine.builder().clock(runtime.clock()).build();
    }

    EmulatorRuntime runtime() {
        return runtime;
    }

    JobRegistry jobs() {
        return jobs;
    }

    ExecutorService executor() {
        return executor;
    }

    Path workDirectory() {
        return workDirectory;
    }

    SoqlCatalog catalog() {
        return catalog;
    }

    SoqlEngine engine() {
        return engine;
    }

    BulkSettings settings() {
        return settings;
    }

    BulkFaultScript faults() {
        return faults;
    }

    void configure(BulkSettings newSettings, BulkFaultScript newFaults) {
        this.settings = newSettings;
        this.faults = newFaults;
    }
}
