package dev.forcelink.testkit.internal.bulk;

/**
 * A Bulk API request the emulator refuses, answered with Salesforce's envelope
 * {@code [{"errorCode":…,"message":…}]}. Immutable and thread-safe.
 */
final class BulkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    /**
     * @param status the HTTP status
     * @param errorCode the Salesforce error code, e.g. {@code INVALIDJOB}
     * @param message the message
     */
    BulkException(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    static BulkException invalidJob(String message) {
        return new BulkException(400, "INVALIDJOB", message);
    }

    static BulkException notFound() {
        return new BulkException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }
}
