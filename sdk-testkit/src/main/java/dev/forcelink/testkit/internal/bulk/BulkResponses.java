package dev.forcelink.testkit.internal.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.http.BodyWriter;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.RouteHandler;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk API responses: the error envelope {@code [{"errorCode":…,"message":…}]} (error code first, as Salesforce's
 * Bulk responses write it), JSON bodies, and CSV downloads with the scripted result faults. Stateless and
 * thread-safe.
 */
final class BulkResponses {

    /** The content type of every CSV result. */
    static final String CSV_TYPE = "text/csv";

    private BulkResponses() {
    }

    /** A route handler body that may refuse the request with a {@link BulkException}. */
    @FunctionalInterface
    interface BulkHandler {
        void handle(Exchange exchange) throws IOException;
    }

    /** Wraps a handler so that a {@link BulkException} becomes Salesforce's error envelope. */
    static RouteHandler guarded(BulkHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (BulkException e) {
                if (!exchange.responded()) {
                    sendError(exchange, e.status(), e.errorCode(), e.getMessage());
                }
            }
        };
    }

    static void sendError(Exchange exchange, int status, String errorCode, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorCode", errorCode);
        error.put("message", message);
        exchange.sendJson(status, List.of(error));
    }

    /**
     * @return the JSON body as an object
     * @throws BulkException 400 {@code JSON_PARSER_ERROR} when the body is not a JSON object
     */
    static JsonNode jsonObject(Exchange exchange) throws IOException {
        JsonNode body;
        try {
            body = exchange.jsonBody();
        } catch (JsonProcessingException e) {
            throw new BulkException(400, "JSON_PARSER_ERROR", "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (!body.isObject()) {
            throw new BulkException(400, "JSON_PARSER_ERROR", "The request body must be a JSON object");
        }
        return body;
    }

    /** @return the text of a field, or {@code null} when absent or null */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * Sends a CSV download of a known length, applying the scripted result faults: latency first, then possibly a
     * connection dropped after half of the bytes.
     */
    static void sendCsv(BulkContext context, Exchange exchange, long length, BodyWriter body) throws IOException {
        Duration delay = context.faults().claimDelay();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.dropConnection();
                return;
            }
        }
        if (length > 1 && context.faults().claimDrop()) {
            long half = length / 2;
            exchange.sendTruncated(200, CSV_TYPE, length, out -> {
                try {
                    body.writeTo(new Truncating(out, half));
                } catch (Truncating.Reached reached) {
                    // The announced body is cut here on purpose.
                }
            });
            return;
        }
        exchange.sendStream(200, CSV_TYPE, body);
    }

    /** Passes on the first bytes of a body, then stops the writer. */
    private static final class Truncating extends FilterOutputStream {
        private long left;

        Truncating(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left <= 0) {
                throw new Reached();
            }
            out.write(b);
            left--;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int allowed = (int) Math.min(len, left);
            out.write(b, off, allowed);
            left -= allowed;
            if (allowed < len) {
                throw new Reached();
            }
        }

        /** Signals that the limit was reached. */
        static final class Reached extends IOException {
            private static final long serialVersionUID = 1L;

            Reached() {
                super("truncated on purpose", null);
            }
        }
    }
}
