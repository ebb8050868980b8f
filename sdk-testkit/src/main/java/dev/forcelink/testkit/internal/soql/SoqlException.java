package dev.forcelink.testkit.internal.soql;

import java.util.Objects;

/**
 * A query that Salesforce would reject, with the error code and the message Salesforce would put in
 * its REST error body ({@code [{"message": getMessage(), "errorCode": errorCode().name()}]}).
 *
 * <p>Messages about a place in the query start with that line of the query, a caret under the
 * offending column and {@code ERROR at Row:R:Column:C}, as Salesforce's do. Immutable and
 * thread-safe.
 */
public final class SoqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SoqlErrorCode errorCode;

    /**
     * Creates an exception.
     *
     * @param errorCode the Salesforce error code, not null
     * @param message the Salesforce-style message, not null
     */
    public SoqlException(SoqlErrorCode errorCode, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /**
     * The Salesforce error code.
     *
     * @return the code, never null
     */
    public SoqlErrorCode errorCode() {
        return errorCode;
    }
}
