package dev.forcelink.bulk;

import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /jobs/ingest} or {@code /jobs/query}: up to 1000 jobs, and the
 * {@code nextRecordsUrl} to continue from (the continuation token, usable in a later process).
 *
 * <p>Immutable and thread-safe.
 */
public final class JobListPage {
  private final List<JobInfo> jobs;
  private final String nextRecordsUrl;
  private final boolean done;

  JobListPage(List<JobInfo> jobs, String nextRecordsUrl, boolean done) {
    this.jobs = List.copyOf(jobs);
    this.nextRecordsUrl = nextRecordsUrl;
    this.done = done;
  }

  /** @return the jobs on this page */
  public List<JobInfo> jobs() {
    return jobs;
  }

  /** @return the URL of the next page, if there is one */
  public Optional<String> nextRecordsUrl() {
    return done ? Optional.empty() : Optional.ofNullable(nextRecordsUrl);
  }

  /** @return true on the last page */
  public boolean done() {
    return done || nextRecordsUrl == null;
  }

  @Override
  public String toString() {
    return "JobListPage{jobs=" + jobs.size() + ", done=" + done() + "}";
  }
}
