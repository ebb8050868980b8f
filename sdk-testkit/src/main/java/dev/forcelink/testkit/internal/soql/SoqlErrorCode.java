package dev.forcelink.testkit.internal.soql;

/**
 * Salesforce error codes that the SOQL engine can report; {@link #name()} is the {@code errorCode}
 * value of Salesforce's REST error body.
 */
public enum SoqlErrorCode {
    /** The text is not valid SOQL: an unexpected token, a bad literal or an unknown date constant. */
    MALFORMED_QUERY,
    /** A field or relationship does not exist, or a filter value does not fit its field's type. */
    INVALID_FIELD,
    /** The object, or the child relationship named in a subquery's FROM, does not exist. */
    INVALID_TYPE,
    /** The object exists but cannot be queried. */
    INVALID_TYPE_FOR_OPERATION,
    /** An operator does not apply to the field's type, or an id literal is not a valid id. */
    INVALID_QUERY_FILTER_OPERATOR
}
