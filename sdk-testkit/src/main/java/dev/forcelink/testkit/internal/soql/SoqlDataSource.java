package dev.forcelink.testkit.internal.soql;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The records a query runs over: the emulator's record store adapts itself to this.
 *
 * <p>A record is a map keyed by canonical field name (it must hold {@code Id}); values are {@code
 * String}, {@code Boolean}, {@code BigDecimal}/{@code Double}/{@code Long}/{@code Integer}, {@code
 * LocalDate}, {@code Instant}/{@code OffsetDateTime}, {@code LocalTime} or null; a missing key reads
 * as null. The engine never modifies a record. Implementations must be safe to call from several
 * threads at once; what a concurrent write does to a running query is theirs to define.
 */
public interface SoqlDataSource {
    /**
     * The records of one object, in a stable order (the order of results without ORDER BY). The
     * engine closes the stream and may stop reading early.
     *
     * @param objectName canonical object name
     * @param includeDeleted whether deleted records are included (queryAll)
     * @return the records
     */
    Stream<Map<String, Object>> records(String objectName, boolean includeDeleted);

    /**
     * One record by id, to follow a parent relationship.
     *
     * @param objectName canonical object name the id should belong to
     * @param id the record id as stored in the child's reference field
     * @return the record, or empty when that object has no live record with this id
     */
    Optional<Map<String, Object>> findById(String objectName, String id);
}
