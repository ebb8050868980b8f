package dev.forcelink.testkit;

import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Chooses the record writes a row-lock fault applies to ({@link Faults#lockRecords}), by object, record id, a
 * field value sent, or a seeded random share of them. Conditions combine with AND.
 *
 * <pre>{@code
 * RecordMatcher.ids(accountId)                          // writes to this record
 * RecordMatcher.object("Contact").fieldEquals("LastName", "Busy")
 * RecordMatcher.object("Account").share(0.10, 42L)      // about 10% of Account writes, reproducibly
 * }</pre>
 *
 * <p>Immutable and thread-safe, except that a matcher with {@link #share} draws from its own seeded random on
 * each {@link #matches} call that passes the other conditions (draws are synchronised), so the same sequence of
 * writes picks the same records.
 */
public final class RecordMatcher {

    private final String objectName;
    private final Set<String> ids;
    private final String field;
    private final String value;
    private final double share;
    private final Random random;

    private RecordMatcher(String objectName, Set<String> ids, String field, String value, double share, Random random) {
        this.objectName = objectName;
        this.ids = ids;
        this.field = field;
        this.value = value;
        this.share = share;
        this.random = random;
    }

    /** @return a matcher of every record write */
    public static RecordMatcher any() {
        return new RecordMatcher(null, null, null, null, 1.0, null);
    }

    /**
     * @param apiName an object's API name, any case, e.g. {@code Account}
     * @return a matcher of writes to records of that object
     * @throws NullPointerException if {@code apiName} is null
     */
    public static RecordMatcher object(String apiName) {
        return any().andObject(Objects.requireNonNull(apiName, "apiName"));
    }

    /**
     * @param recordIds 15- or 18-character record ids (updates, upserts that match, deletes)
     * @return a matcher of writes to those records
     * @throws IllegalArgumentException if no id is given or one is not 15 or 18 characters
     */
    public static RecordMatcher ids(String... recordIds) {
        if (recordIds.length == 0) {
            throw new IllegalArgumentException("give at least one record id");
        }
        Set<String> prefixes = new HashSet<>();
        for (String id : recordIds) {
            if (id == null || (id.length() != 15 && id.length() != 18)) {
                throw new IllegalArgumentException("a record id has 15 or 18 characters, got " + id);
            }
            prefixes.add(id.substring(0, 15));
        }
        return new RecordMatcher(null, Collections.unmodifiableSet(prefixes), null, null, 1.0, null);
    }

    /**
     * @param apiName an object's API name, any case
     * @return a matcher that also requires this object
     */
    public RecordMatcher andObject(String apiName) {
        return new RecordMatcher(apiName, ids, field, value, share, random);
    }

    /**
     * @param fieldName a field's API name, any case
     * @param fieldValue the value sent for it, as text (numbers and booleans in their JSON text)
     * @return a matcher that also requires the write to send this value (useful for inserts, which have no id)
     */
    public RecordMatcher fieldEquals(String fieldName, String fieldValue) {
        return new RecordMatcher(objectName, ids, Objects.requireNonNull(fieldName, "fieldName"),
                Objects.requireNonNull(fieldValue, "fieldValue"), share, random);
    }

    /**
     * @param fraction the share of otherwise matching writes to pick, from 0 to 1
     * @param seed the random seed, so a test run is reproducible
     * @return a matcher that also picks each write with probability {@code fraction}
     * @throws IllegalArgumentException if {@code fraction} is outside 0..1
     */
    public RecordMatcher share(double fraction, long seed) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be from 0 to 1, got " + fraction);
        }
        return new RecordMatcher(objectName, ids, field, value, fraction, new Random(seed));
    }

    /**
     * @param object the object written
     * @param recordId the record id, or {@code null} for an insert
     * @param fields the field values sent, by API name, as text
     * @return whether the write matches (drawing from the seeded random for a {@link #share} matcher)
     */
    public boolean matches(String object, String recordId, Map<String, String> fields) {
        if (objectName != null && !objectName.equalsIgnoreCase(object)) {
            return false;
        }
        if (ids != null && (recordId == null || recordId.length() < 15 || !ids.contains(recordId.substring(0, 15)))) {
            return false;
        }
        if (field != null && !value.equals(valueOf(fields, field))) {
            return false;
        }
        if (random == null) {
            return true;
        }
        synchronized (random) {
            return random.nextDouble() < share;
        }
    }

    private static String valueOf(Map<String, String> fields, String name) {
        String exact = fields.get(name);
        if (exact != null) {
            return exact;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
                return entry.getValue();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("records");
        if (objectName != null) {
            out.append(" of ").append(objectName);
        }
        if (ids != null) {
            out.append(" with ids ").append(ids);
        }
        if (field != null) {
            out.append(" where ").append(field).append(" = ").append(value);
        }
        if (random != null) {
            out.append(", share ").append(share);
        }
        return out.toString();
    }
}
