package dev.forcelink.testkit.internal.bulk;

/**
 * Ends a job's processing as {@code Failed}, with the job's {@code errorMessage}. Immutable and thread-safe.
 */
final class JobFailure extends Exception {

    private static final long serialVersionUID = 1L;

    JobFailure(String errorMessage) {
        super(errorMessage, null, false, false);
    }
}
