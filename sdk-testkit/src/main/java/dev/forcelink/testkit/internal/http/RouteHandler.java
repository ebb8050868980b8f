package dev.forcelink.testkit.internal.http;

import java.io.IOException;

/**
 * Handles one routed request. Implementations must be thread-safe: one handler serves all requests of its route
 * concurrently.
 */
@FunctionalInterface
public interface RouteHandler {

    /**
     * Handles the request and sends exactly one response through the exchange.
     *
     * @param exchange the request and its response
     * @throws IOException if the connection fails while reading or writing
     */
    void handle(Exchange exchange) throws IOException;
}
