package dev.forcelink.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What ingest and query job handles share: the job id and kind, and the calls on the job itself
 * (info, wait, abort, delete). Handles are equal when they are of the same kind and name the same
 * job.
 *
 * <p>Immutable and thread-safe.
 */
abstract class JobHandleBase implements BulkJobHandle {
  final BulkHttp http;
  final String id;
  private final JobKind kind;

  JobHandleBase(BulkHttp http, String id, JobKind kind) {
    this.http = http;
    this.id = Objects.requireNonNull(id, "job id");
    this.kind = kind;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final JobInfo info() {
    return http.info(kind, id);
  }

  @Override
  public final JobInfo awaitCompletion(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return http.await(kind, id, Instant.now().plus(timeout));
  }

  @Override
  public final JobInfo abort() {
    return http.patchState(kind, id, "Aborted");
  }

  @Override
  public final void delete() {
    http.delete(kind, id);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((JobHandleBase) o).id.equals(id);
  }

  @Override
  public final int hashCode() {
    return id.hashCode();
  }

  /** Returns the handle's kind and job id. */
  @Override
  public final String toString() {
    return getClass().getSimpleName() + "{" + id + "}";
  }
}
