package dev.forcelink.testkit.internal.org;

import java.util.List;

/**
 * A write the org refuses, carrying Salesforce's status code, message and field names, as they appear in a save
 * result ({@code {"statusCode":…,"message":…,"fields":[…]}}) or a REST error envelope.
 *
 * <p>Immutable and thread-safe. Messages never contain secrets: they name fields and echo record data only.
 */
public final class DmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String statusCode;
    private final List<String> fields;

    /**
     * @param statusCode Salesforce status code, e.g. {@code REQUIRED_FIELD_MISSING}
     * @param message the message Salesforce sends
     * @param fields the fields concerned, may be empty
     */
    public DmlException(String statusCode, String message, List<String> fields) {
        super(message, null, false, false);
        this.statusCode = statusCode;
        this.fields = List.copyOf(fields);
    }

    /**
     * @param statusCode Salesforce status code
     * @param message the message Salesforce sends
     */
    public DmlException(String statusCode, String message) {
        this(statusCode, message, List.of());
    }

    /** @return the Salesforce status code */
    public String statusCode() {
        return statusCode;
    }

    /** @return the fields concerned; empty when none */
    public List<String> fields() {
        return fields;
    }
}
