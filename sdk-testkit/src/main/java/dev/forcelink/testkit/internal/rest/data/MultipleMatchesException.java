package dev.forcelink.testkit.internal.rest.data;

import java.util.List;

/**
 * An upsert or delete whose external id matched several records: REST answers {@code 300 Multiple Choices} with
 * the matching records' URLs, record-level results report {@code DUPLICATE_EXTERNAL_ID}. Nothing was written.
 *
 * <p>Immutable and thread-safe.
 */
public final class MultipleMatchesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String objectName;
    private final List<String> ids;

    /**
     * @param objectName the object written
     * @param field the external id field
     * @param value the external id value
     * @param ids the ids of every matching record
     */
    public MultipleMatchesException(String objectName, String field, String value, List<String> ids) {
        super("Duplicate external id specified: " + value + " (" + field + " matches " + ids.size() + " "
                + objectName + " records)", null, false, false);
        this.objectName = objectName;
        this.ids = List.copyOf(ids);
    }

    /** @return the object written */
    public String objectName() {
        return objectName;
    }

    /** @return the ids of the matching records, in creation order */
    public List<String> ids() {
        return ids;
    }
}
