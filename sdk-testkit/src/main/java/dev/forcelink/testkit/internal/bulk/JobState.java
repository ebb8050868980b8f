package dev.forcelink.testkit.internal.bulk;

import java.util.Locale;

/** The states of a Bulk API 2.0 job, with their wire names. Immutable and thread-safe. */
enum JobState {
    OPEN("Open"),
    UPLOAD_COMPLETE("UploadComplete"),
    IN_PROGRESS("InProgress"),
    JOB_COMPLETE("JobComplete"),
    FAILED("Failed"),
    ABORTED("Aborted");

    private final String wireName;

    JobState(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name in JobInfo, e.g. {@code UploadComplete} */
    String wireName() {
        return wireName;
    }

    /** @return the name in the query results' 412 message, e.g. {@code IN_PROGRESS} */
    String statusText() {
        return name();
    }

    /** @return whether the job will not change any more */
    boolean terminal() {
        return this == JOB_COMPLETE || this == FAILED || this == ABORTED;
    }

    /**
     * @param text a wire name, e.g. {@code UploadComplete}
     * @return the state, or {@code null} if the name is unknown
     */
    static JobState fromWireName(String text) {
        for (JobState state : values()) {
            if (state.wireName.equals(text)) {
                return state;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
