package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.EmulatorFeature;
import dev.forcelink.testkit.internal.EmulatorRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk API 2.0 for one emulator: installs the ingest and query routes, owns the small executor that processes jobs
 * in the background and the temporary directory holding uploads and results, and removes both on close.
 *
 * <p>Thread-safe once started.
 */
public final class BulkFeature implements EmulatorFeature {

    private static final Logger LOG = LoggerFactory.getLogger(BulkFeature.class);
    /** Jobs processed at once; more wait in line, as Salesforce queues them. */
    private static final int PROCESSING_THREADS = 2;

    private BulkContext context;
    private ExecutorService executor;
    private Path workDirectory;

    /** Creates the feature; {@link #start} installs it. Called by {@link java.util.ServiceLoader}. */
    public BulkFeature() {
    }

    /**
     * Installs the Bulk routes and starts the processing threads.
     *
     * @param runtime the emulator's parts
     * @throws UncheckedIOException if the temporary directory cannot be created
     */
    @Override
    public void start(EmulatorRuntime runtime) {
        try {
            workDirectory = Files.createTempDirectory("forcelink-bulk-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for Bulk API jobs", e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(PROCESSING_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "forcelink-emulator-bulk-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        context = new BulkContext(runtime, new JobRegistry(), executor, workDirectory);
        new IngestResource(context).install(runtime.dataApi());
        new QueryResource(context).install(runtime.dataApi());
        new JobListResource(context).install(runtime.dataApi());
    }

    /**
     * Replaces the settings and the fault script; call before the emulator serves requests.
     *
     * @param settings processing rate and page sizes
     * @param faults the fault script the processors and downloads consult
     * @throws IllegalStateException if the feature has not started
     */
    public void configure(BulkSettings settings, BulkFaultScript faults) {
        if (context == null) {
            throw new IllegalStateException("The Bulk feature is not started");
        }
        context.configure(settings, faults);
    }

    /** Stops processing and deletes every job's files. */
    @Override
    public void close() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Bulk job processing did not stop within 5 s; its files are deleted anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.jobs().drain().forEach(Job::releaseFiles);
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete the Bulk directory {}: {}", workDirectory, e.toString());
        }
    }
}
