package dev.forcelink.testkit.internal.bulk;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * What ingest and query jobs share: identity, format, state machine and counters.
 *
 * <p>Thread-safe: state changes are synchronised on the job; counters are read without a lock.
 */
abstract class Job {

    private final String id;
    private final long sequence;
    private final String operation;
    private final String object;
    private final String createdById;
    private final Instant createdDate;
    private final String apiVersion;
    private final ColumnDelimiter delimiter;
    private final LineEnding lineEnding;
    private final Clock clock;
    private JobState state;
    private Instant systemModstamp;
    private String errorMessage;
    private boolean deleted;
    private volatile long recordsProcessed;
    private volatile long recordsFailed;
    private volatile long processingStartedNanos;
    private volatile long processingMillis;

    Job(Fields fields, JobState initialState) {
        this.id = fields.id;
        this.sequence = fields.sequence;
        this.operation = fields.operation;
        this.object = fields.object;
        this.createdById = fields.createdById;
        this.apiVersion = fields.apiVersion;
        this.delimiter = fields.delimiter;
        this.lineEnding = fields.lineEnding;
        this.clock = fields.clock;
        this.createdDate = now();
        this.systemModstamp = createdDate;
        this.state = initialState;
    }

    /** @return {@code V2Ingest} or {@code V2Query} */
    abstract String jobType();

    /** Deletes the job's files; called once, when the job is deleted or the emulator closes. */
    abstract void releaseFiles();

    String id() {
        return id;
    }

    long sequence() {
        return sequence;
    }

    String operation() {
        return operation;
    }

    String object() {
        return object;
    }

    String createdById() {
        return createdById;
    }

    Instant createdDate() {
        return createdDate;
    }

    String apiVersion() {
        return apiVersion;
    }

    ColumnDelimiter delimiter() {
        return delimiter;
    }

    LineEnding lineEnding() {
        return lineEnding;
    }

    synchronized JobState state() {
        return state;
    }

    synchronized Instant systemModstamp() {
        return systemModstamp;
    }

    synchronized String errorMessage() {
        return errorMessage;
    }

    long recordsProcessed() {
        return recordsProcessed;
    }

    long recordsFailed() {
        return recordsFailed;
    }

    /** @return milliseconds spent processing so far (still growing while in progress) */
    long processingMillis() {
        long started = processingStartedNanos;
        if (started != 0 && !state().terminal()) {
            return (System.nanoTime() - started) / 1_000_000;
        }
        return processingMillis;
    }

    void addProcessed(long processed, long failed) {
        synchronized (this) {
            recordsProcessed += processed;
            recordsFailed += failed;
        }
    }

    /**
     * Moves to another state if the current one is among {@code from}.
     *
     * @return whether the job moved
     */
    synchronized boolean transition(JobState to, JobState... from) {
        for (JobState allowed : from) {
            if (state == allowed && !deleted) {
                enter(to);
                return true;
            }
        }
        return false;
    }

    /** Starts processing: UploadComplete to InProgress, unless the job was aborted or deleted meanwhile. */
    synchronized boolean startProcessing() {
        if (!transition(JobState.IN_PROGRESS, JobState.UPLOAD_COMPLETE)) {
            return false;
        }
        processingStartedNanos = System.nanoTime();
        return true;
    }

    /** Ends processing as {@code JobComplete}; a job aborted meanwhile stays aborted. */
    synchronized void complete() {
        if (transition(JobState.JOB_COMPLETE, JobState.IN_PROGRESS)) {
            stopClock();
        }
    }

    /** Ends processing as {@code Failed} with an error message; a job aborted meanwhile stays aborted. */
    synchronized void fail(String message) {
        if (transition(JobState.FAILED, JobState.IN_PROGRESS, JobState.UPLOAD_COMPLETE)) {
            errorMessage = Objects.requireNonNull(message, "message");
            stopClock();
        }
    }

    /** @return whether the job was aborted (processing should stop) */
    synchronized boolean abortRequested() {
        return state == JobState.ABORTED || deleted;
    }

    /**
     * Marks the job deleted if its state allows it (the Bulk API 2.0 guide allows UploadComplete, JobComplete,
     * Aborted or Failed).
     *
     * @return whether it was deleted
     */
    synchronized boolean markDeleted() {
        if (deleted || !(state == JobState.UPLOAD_COMPLETE || state.terminal())) {
            return false;
        }
        deleted = true;
        return true;
    }

    private void enter(JobState to) {
        state = to;
        systemModstamp = now();
        if (to == JobState.ABORTED) {
            stopClock();
        }
    }

    private void stopClock() {
        long started = processingStartedNanos;
        if (started != 0) {
            processingMillis = (System.nanoTime() - started) / 1_000_000;
        }
    }

    private Instant now() {
        // Salesforce's JobInfo dates carry milliseconds only.
        return Instant.ofEpochMilli(clock.millis());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + ", " + operation + " " + object + ", " + state() + "]";
    }

    /** The values every job is created with. */
    static final class Fields {
        String id;
        long sequence;
        String operation;
        String object;
        String createdById;
        String apiVersion;
        ColumnDelimiter delimiter = ColumnDelimiter.COMMA;
        LineEnding lineEnding = LineEnding.LF;
        Clock clock;
    }
}
