package dev.forcelink.testkit.internal.rest.composite;

/**
 * A whole request (or whole subrequest) refused before any record is written: answered with the REST error
 * envelope {@code [{"message","errorCode"}]} and its HTTP status. Immutable.
 */
final class RequestRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    RequestRefused(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    SubResponse toResponse() {
        return SubResponse.error(status, errorCode, getMessage());
    }
}
