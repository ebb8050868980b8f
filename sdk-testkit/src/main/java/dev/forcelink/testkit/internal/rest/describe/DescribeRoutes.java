package dev.forcelink.testkit.internal.rest.describe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.rest.DataApi;
import dev.forcelink.testkit.internal.rest.data.HttpDates;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code GET /sobjects} (describeGlobal), {@code GET /sobjects/{Object}} (basic info) and
 * {@code GET /sobjects/{Object}/describe}, generated from the org's schema, with {@code Last-Modified} and
 * {@code If-Modified-Since} → 304 when the schema has not changed since.
 *
 * <p>Thread-safe.
 */
public final class DescribeRoutes {

    private final OrgSchema schema;
    private final SchemaStamps stamps;
    private final String instanceUrl;

    /**
     * @param schema the org's schema
     * @param clock the emulator's clock
     * @param instanceUrl the emulator's base URL (for the UI url templates)
     */
    public DescribeRoutes(OrgSchema schema, Clock clock, String instanceUrl) {
        this.schema = schema;
        this.stamps = new SchemaStamps(clock, schema);
        this.instanceUrl = instanceUrl;
    }

    /**
     * Adds the routes.
     *
     * @param api the data API
     */
    public void install(DataApi api) {
        api.add("GET", "/sobjects", exchange -> {
            if (!notModified(exchange, stamps.lastModified(schema.objects()))) {
                exchange.sendJson(200, DescribeJson.global(schema, exchange.apiVersion()));
            }
        });
        api.add("GET", "/sobjects/{sobject}", exchange -> withObject(exchange, def ->
                DescribeJson.basicInfo(def, exchange.apiVersion())));
        api.add("GET", "/sobjects/{sobject}/describe", exchange -> withObject(exchange, def ->
                DescribeJson.describe(schema, def, exchange.apiVersion(), instanceUrl)));
    }

    private void withObject(Exchange exchange, java.util.function.Function<SObjectDef, ObjectNode> body)
            throws IOException {
        SObjectDef def = schema.find(exchange.pathVariable("sobject"));
        if (def == null) {
            exchange.sendError(404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        if (!notModified(exchange, stamps.lastModified(def))) {
            exchange.sendJson(200, body.apply(def));
        }
    }

    /** Sets {@code Last-Modified}; answers 304 and returns true when the client's copy is current. */
    private static boolean notModified(Exchange exchange, Instant lastModified) throws IOException {
        exchange.responseHeader("Last-Modified", HttpDates.format(lastModified));
        Instant since = HttpDates.parse(exchange.header("If-Modified-Since"));
        if (since != null && !HttpDates.modifiedSince(lastModified, since)) {
            exchange.sendEmpty(304);
            return true;
        }
        return false;
    }
}
