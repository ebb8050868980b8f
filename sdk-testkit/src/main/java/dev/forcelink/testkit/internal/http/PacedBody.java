package dev.forcelink.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import dev.forcelink.testkit.internal.fault.BodyPacing;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one response body slowly, as a {@link BodyPacing} says: the status line and headers at once, then each
 * slice of the body at its time (written and flushed, so that it leaves as its own chunk), then the end of the
 * body, which also closes the exchange.
 *
 * <p>The slices are written by a shared timer rather than by the request thread sleeping between them: a slow body
 * then costs no request thread for its whole length, so a test with many concurrent slow bodies (or one that stalls
 * for minutes) cannot starve the emulator's fixed request pool. A slice goes into the socket's send buffer without
 * blocking the timer as long as the client reads or has gone; when the client has closed the connection, the write
 * fails, the remaining slices are dropped and the exchange is released.
 *
 * <p>Thread-safe: {@link #send} runs on the request thread, every later step on the timer, one after the other.
 */
final class PacedBody {

    private static final Logger LOG = LoggerFactory.getLogger(PacedBody.class);

    private final BodyPacing pacing;
    private final ScheduledExecutorService timer;
    private final String requestId;
    private final Runnable onRelease;

    /**
     * @param pacing how to send the body
     * @param timer where the slices are written
     * @param requestId the request, for logs
     * @param onRelease runs once, after the exchange is closed
     */
    PacedBody(BodyPacing pacing, ScheduledExecutorService timer, String requestId, Runnable onRelease) {
        this.pacing = pacing;
        this.timer = timer;
        this.requestId = requestId;
        this.onRelease = onRelease;
    }

    /**
     * Sends the headers now and schedules the body. Chunked, unless the pacing drops the connection: then the
     * headers announce the whole body's {@code Content-Length}, so that the client can tell the body was cut.
     *
     * @param http the exchange; from now on it is closed by this object
     * @param status HTTP status
     * @param body the body as it goes on the wire (already gzipped if gzipped), at least one byte
     * @throws IOException if the headers cannot be sent; the exchange is then still the caller's to close
     */
    void send(HttpExchange http, int status, byte[] body) throws IOException {
        sendAnnouncing(http, status, body, pacing.dropsConnection() ? body.length : 0);
    }

    /**
     * Sends the headers announcing {@code declaredLength} bytes and schedules a body that is shorter, so that the
     * connection closes mid-body once the body has been sent slowly.
     *
     * @param http the exchange; from now on it is closed by this object
     * @param status HTTP status
     * @param body the bytes to send, fewer than {@code declaredLength}
     * @param declaredLength the {@code Content-Length} announced
     * @throws IOException if the headers cannot be sent; the exchange is then still the caller's to close
     */
    void sendTruncated(HttpExchange http, int status, byte[] body, long declaredLength) throws IOException {
        sendAnnouncing(http, status, body, declaredLength);
    }

    private void sendAnnouncing(HttpExchange http, int status, byte[] body, long announcedLength)
            throws IOException {
        http.sendResponseHeaders(status, announcedLength);
        long startNanos = System.nanoTime();
        new Run(http, body, pacing.slices(body.length), startNanos).scheduleNext();
    }

    /** The state of one body on its way out; only the timer touches it after {@link #send}. */
    private final class Run {
        private final HttpExchange http;
        private final OutputStream out;
        private final byte[] body;
        private final List<BodyPacing.Slice> slices;
        private final long startNanos;
        private final AtomicBoolean released = new AtomicBoolean();
        private int next;

        Run(HttpExchange http, byte[] body, List<BodyPacing.Slice> slices, long startNanos) {
            this.http = http;
            this.out = http.getResponseBody();
            this.body = body;
            this.slices = slices;
            this.startNanos = startNanos;
        }

        void scheduleNext() {
            long atNanos = next < slices.size() ? slices.get(next).at().toNanos() : pacing.end().toNanos();
            long waitNanos = Math.max(0, startNanos + atNanos - System.nanoTime());
            try {
                timer.schedule(this::step, waitNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // The emulator is closing; its server closes the connection.
                release();
            }
        }

        private void step() {
            if (next >= slices.size()) {
                release();
                return;
            }
            BodyPacing.Slice slice = slices.get(next++);
            try {
                out.write(body, slice.from(), slice.to() - slice.from());
                out.flush();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Client went away during a slow body (request {}): {}", requestId, e.toString());
                release();
                return;
            }
            scheduleNext();
        }

        /** Ends the body: closing completes it, or drops the connection when fewer bytes went than announced. */
        private void release() {
            if (released.compareAndSet(false, true)) {
                try {
                    http.close();
                } finally {
                    onRelease.run();
                }
            }
        }
    }
}
