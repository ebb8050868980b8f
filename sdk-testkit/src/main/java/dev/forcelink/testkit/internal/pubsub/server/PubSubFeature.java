package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.pubsub.internal.grpclog.FrameLogRedaction;
import dev.forcelink.testkit.internal.EmulatorFeature;
import dev.forcelink.testkit.internal.EmulatorRuntime;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's Pub/Sub API: the {@code eventbus.v1.PubSub} gRPC service on the Pub/Sub port (TLS when the
 * emulator runs with TLS), platform events from Pub/Sub and REST, and Change Data Capture events for every committed
 * write.
 *
 * <p>Binds the port the emulator reserved, or a free one if another process took it meanwhile, and reports the
 * port it bound through {@link PubSubControl#bound(int)}. Thread-safe once started.
 */
public final class PubSubFeature implements EmulatorFeature {

    private static final Logger LOG = LoggerFactory.getLogger(PubSubFeature.class);
    /** Requests over 4 MB are read so that Publish can answer them as Salesforce does; beyond this gRPC refuses. */
    private static final int MAX_INBOUND_BYTES = 16 * 1024 * 1024;

    private Server server;
    private ExecutorService delivery;
    private ScheduledExecutorService timers;
    private Runnable removeChangeListener;
    private Runnable removeEventListener;

    @Override
    public void start(EmulatorRuntime emulator) {
        PubSubControl control = emulator.pubSub();
        EventBus bus = new EventBus(emulator.schema(), emulator.clock(), control.settings());
        removeChangeListener = emulator.store().changeLog().addListener(
                new ChangeEventPublisher(bus, emulator.schema(), emulator.store(), control.faults()));
        removeEventListener = emulator.store().changeLog().addEventListener(
                new PlatformEventPublisher(bus, emulator.schema()));
        delivery = Executors.newCachedThreadPool(daemonThreads("forcelink-pubsub-delivery"));
        ScheduledThreadPoolExecutor timerPool = new ScheduledThreadPoolExecutor(1,
                daemonThreads("forcelink-pubsub-timer"));
        timerPool.setRemoveOnCancelPolicy(true);
        timers = timerPool;
        StreamServices services = new StreamServices(bus, emulator.tokens(), control, emulator.identity().orgId(),
                delivery, timers);
        PubSubService service = new PubSubService(services);
        AuthInterceptor auth = new AuthInterceptor(emulator.tokens(), emulator.identity().orgId());
        // grpc-netty logs inbound HEADERS frames, access tokens included, at DEBUG unless its logger is wrapped.
        FrameLogRedaction.install();
        try {
            server = bind(emulator, emulator.pubSubPort(), service, auth);
        } catch (IOException e) {
            // Netty reports a taken port as a native error, not always a BindException: retry on any port.
            LOG.info("Pub/Sub port {} cannot be bound ({}); using a free port", emulator.pubSubPort(),
                    e.getMessage());
            try {
                server = bind(emulator, 0, service, auth);
            } catch (IOException again) {
                close();
                throw new UncheckedIOException("Cannot start the Pub/Sub service: " + again.getMessage(), again);
            }
        }
        control.bound(server.getPort());
        LOG.info("Pub/Sub API for org {} listening on {}:{}{}", emulator.identity().orgId(), emulator.pubSubHost(),
                server.getPort(), emulator.tls() == null ? " (plaintext)" : " (TLS)");
    }

    private Server bind(EmulatorRuntime emulator, int port, PubSubService service, AuthInterceptor auth)
            throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(emulator.pubSubHost(), port))
                .addService(ServerInterceptors.intercept(service, auth))
                .maxInboundMessageSize(MAX_INBOUND_BYTES)
                // Salesforce's front allows 100 concurrent streams per HTTP/2 connection (Pub/Sub API allocations).
                .maxConcurrentCallsPerConnection(100);
        if (emulator.tls() != null) {
            builder.sslContext(ServerTls.context(emulator.tls()));
        }
        return builder.build().start();
    }

    @Override
    public void close() {
        if (removeChangeListener != null) {
            removeChangeListener.run();
        }
        if (removeEventListener != null) {
            removeEventListener.run();
        }
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (timers != null) {
            timers.shutdownNow();
        }
        if (delivery != null) {
            delivery.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
