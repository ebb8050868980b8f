package dev.forcelink.testkit.internal.rest.data;

import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.org.WriteContext;

/**
 * Makes the {@link WriteContext} of a data API request: the session's user, and the change origin
 * {@code com/salesforce/api/rest/60.0;client=<id>} with the client taken from {@code Sforce-Call-Options}.
 * Stateless.
 */
public final class RestWriteContext {

    private RestWriteContext() {
    }

    /**
     * @param exchange an authenticated data API exchange
     * @return the write context
     */
    public static WriteContext of(Exchange exchange) {
        return of(exchange, "rest");
    }

    /**
     * @param exchange an authenticated data API exchange
     * @param api the API segment of the change origin, e.g. {@code rest}
     * @return the write context
     */
    public static WriteContext of(Exchange exchange, String api) {
        String origin = "com/salesforce/api/" + api + "/" + exchange.apiVersion();
        String client = callOptionsClient(exchange.header("Sforce-Call-Options"));
        if (client != null) {
            origin += ";client=" + client;
        }
        return new WriteContext(exchange.session().userId(), origin);
    }

    /**
     * Finds {@code client=} in {@code Sforce-Call-Options}, whose options are separated by {@code ,} (as JSForce
     * sends) or {@code ;} (as the docs show).
     *
     * @param header the header value, may be {@code null}
     * @return the client id, or {@code null}
     */
    static String callOptionsClient(String header) {
        if (header == null) {
            return null;
        }
        for (String option : header.split("[,;]")) {
            String trimmed = option.trim();
            if (trimmed.regionMatches(true, 0, "client=", 0, 7) && trimmed.length() > 7) {
                return trimmed.substring(7).trim();
            }
        }
        return null;
    }
}
