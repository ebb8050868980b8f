package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.org.DmlException;
import java.util.List;

/**
 * The outcome of one uploaded row: the record id and whether it was created, or the error. Immutable and
 * thread-safe.
 *
 * @param cells the row as uploaded
 * @param id the record id, or empty when none is known
 * @param created whether a record was created
 * @param error the refusal, or {@code null} on success
 */
record IngestRow(List<String> cells, String id, boolean created, DmlException error) {

    /**
     * @return {@code sf__Error} in Salesforce's form {@code CODE:message:Field1,Field2 --}, or {@code CODE:message:--}
     *     when no field is concerned
     */
    String errorText() {
        String fields = error.fields().isEmpty() ? "--" : String.join(",", error.fields()) + " --";
        return error.statusCode() + ":" + error.getMessage() + ":" + fields;
    }
}
