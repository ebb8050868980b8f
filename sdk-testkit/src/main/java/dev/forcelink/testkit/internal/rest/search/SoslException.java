package dev.forcelink.testkit.internal.rest.search;

/** A search Salesforce would refuse with {@code MALFORMED_SEARCH}. Immutable and thread-safe. */
final class SoslException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SoslException(String message) {
        super(message, null, false, false);
    }
}
