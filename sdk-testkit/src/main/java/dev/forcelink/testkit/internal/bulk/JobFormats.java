package dev.forcelink.testkit.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.http.Exchange;

/**
 * Reads the fields that ingest and query job requests share: {@code contentType}, {@code columnDelimiter} and
 * {@code lineEnding}, and the {@code client} of {@code Sforce-Call-Options}. Stateless and thread-safe.
 */
final class JobFormats {

    private JobFormats() {
    }

    /**
     * Fills in the job's CSV dialect.
     *
     * @throws BulkException 400 {@code INVALIDJOB} for an unsupported value
     */
    static void read(JsonNode body, Job.Fields fields) {
        String contentType = BulkResponses.text(body, "contentType");
        if (contentType != null && !contentType.equals("CSV")) {
            throw BulkException.invalidJob("Invalid contentType: " + contentType + ". Bulk API 2.0 supports CSV only.");
        }
        String delimiter = BulkResponses.text(body, "columnDelimiter");
        if (delimiter != null) {
            fields.delimiter = ColumnDelimiter.fromWireName(delimiter);
            if (fields.delimiter == null) {
                throw BulkException.invalidJob("Invalid columnDelimiter: " + delimiter
                        + ". Use BACKQUOTE, CARET, COMMA, PIPE, SEMICOLON or TAB.");
            }
        }
        String lineEnding = BulkResponses.text(body, "lineEnding");
        if (lineEnding != null) {
            fields.lineEnding = LineEnding.fromWireName(lineEnding);
            if (fields.lineEnding == null) {
                throw BulkException.invalidJob("Invalid lineEnding: " + lineEnding + ". Use LF or CRLF.");
            }
        }
    }

    /**
     * @return {@code com/salesforce/api/bulkapi/<version>}, with {@code ;client=<id>} when the request named a
     *     client in {@code Sforce-Call-Options}
     */
    static String changeOrigin(Exchange exchange) {
        String origin = "com/salesforce/api/bulkapi/" + exchange.apiVersion();
        String options = exchange.header("Sforce-Call-Options");
        if (options != null) {
            for (String part : options.split("[,;]")) {
                String option = part.trim();
                if (option.startsWith("client=") && option.length() > "client=".length()) {
                    return origin + ";client=" + option.substring("client=".length());
                }
            }
        }
        return origin;
    }
}
