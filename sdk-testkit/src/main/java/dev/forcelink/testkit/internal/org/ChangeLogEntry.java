package dev.forcelink.testkit.internal.org;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One committed change to one record, in the order the org committed it: what Change Data Capture turns into a
 * change event.
 *
 * @param commitNumber the system change number of the transaction; increases with every commit
 * @param transactionKey the transaction's UUID-like key, shared by every change of one transaction
 * @param sequenceNumber position of this change within its transaction, from 1
 * @param commitTimestamp when the transaction committed
 * @param changeType create, update, delete or undelete
 * @param entityName the object's API name
 * @param recordIds the records changed (one, in this emulator)
 * @param changedFields for CREATE the fields given a non-null value; for UPDATE the fields whose value changed,
 *     including {@code LastModifiedDate}; empty for DELETE and UNDELETE
 * @param nulledFields for UPDATE the fields set to null; otherwise empty
 * @param values the new values of {@code changedFields} (unmodifiable, no nulls: a nulled field is listed in {@code nulledFields})
 * @param commitUser the id of the user who wrote
 * @param changeOrigin the API and client of the write, or empty
 */
public record ChangeLogEntry(long commitNumber, String transactionKey, int sequenceNumber, Instant commitTimestamp,
                             ChangeType changeType, String entityName, List<String> recordIds,
                             List<String> changedFields, List<String> nulledFields, Map<String, Object> values,
                             String commitUser, String changeOrigin) {
}
