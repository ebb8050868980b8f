package dev.forcelink.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.rest.RelatedRecords;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.internal.composite.RecordJson;
import dev.forcelink.rest.internal.composite.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one subrequest of a composite request, a graph or a batch: its HTTP status and
 * headers, whether it succeeded, and its body in the form the call produces (a {@link SaveResult}
 * for creates and upserts, an {@link SObject} for retrieves, a query page, a list of save results
 * or records for Collections calls, or the error list of a failure).
 *
 * <p>A subrequest that did not run because another failed ({@code PROCESSING_HALTED} in a
 * composite request or graph, {@code BATCH_PROCESSING_HALTED} in a batch) is {@link
 * Outcome#HALTED}, so the cause can be told from its dependents. A batch subrequest in a group that
 * was never sent is {@link Outcome#NOT_ATTEMPTED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SubResult {
  /** What happened to a subrequest. */
  public enum Outcome {
    /** A 2xx status. */
    SUCCEEDED,
    /** An error status with errors of its own: this subrequest is a cause. */
    FAILED,
    /**
     * Not carried out, or rolled back, because another subrequest failed ({@code PROCESSING_HALTED},
     * {@code BATCH_PROCESSING_HALTED}).
     */
    HALTED,
    /** Never sent, because an earlier batch group failed with {@code haltOnError}. */
    NOT_ATTEMPTED
  }

  private final int index;
  private final String referenceId;
  private final int statusCode;
  private final Map<String, String> httpHeaders;
  private final JsonNode body;
  private final List<SalesforceError> errors;
  private final Outcome outcome;

  private SubResult(int index, String referenceId, int statusCode, Map<String, String> httpHeaders, JsonNode body,
      Outcome forced) {
    this.index = index;
    this.referenceId = referenceId;
    this.statusCode = statusCode;
    this.httpHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(httpHeaders));
    this.body = body;
    boolean ok = statusCode >= 200 && statusCode < 300;
    this.errors = ok || body == null ? List.of() : List.copyOf(Wire.errors(body));
    if (forced != null) {
      this.outcome = forced;
    } else if (ok) {
      this.outcome = Outcome.SUCCEEDED;
    } else if (errors.stream().anyMatch(e -> e.errorCode().equals("PROCESSING_HALTED")
        || e.errorCode().equals("BATCH_PROCESSING_HALTED"))) {
      this.outcome = Outcome.HALTED;
    } else {
      this.outcome = Outcome.FAILED;
    }
  }

  static SubResult of(int index, String referenceId, int statusCode, Map<String, String> headers, JsonNode body) {
    return new SubResult(index, referenceId, statusCode, headers, body == null || body.isNull() ? null : body, null);
  }

  static SubResult notAttempted(int index, String referenceId) {
    return new SubResult(index, referenceId, 0, Map.of(), null, Outcome.NOT_ATTEMPTED);
  }

  /**
   * Returns the position of the subrequest in its request (or graph, or batch), from 0.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * Returns the referenceId.
   *
   * @return the referenceId; empty for batch subrequests, which have none
   */
  public Optional<String> referenceId() {
    return Optional.ofNullable(referenceId);
  }

  /**
   * Returns the subrequest's HTTP status.
   *
   * @return the status; 0 when {@link Outcome#NOT_ATTEMPTED}
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns what happened.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Tells whether the subrequest succeeded (a 2xx status). For a Collections subrequest this says
   * only that the call ran: check {@link #saveResults()} for each record.
   *
   * @return true on success
   */
  public boolean isSuccess() {
    return outcome == Outcome.SUCCEEDED;
  }

  /**
   * Tells whether the subrequest was halted or rolled back because another one failed.
   *
   * @return true for {@code PROCESSING_HALTED} and {@code BATCH_PROCESSING_HALTED}
   */
  public boolean isHalted() {
    return outcome == Outcome.HALTED;
  }

  /**
   * Returns the subrequest's response headers (such as {@code Location}).
   *
   * @return an unmodifiable map; empty when none were reported
   */
  public Map<String, String> httpHeaders() {
    return httpHeaders;
  }

  /**
   * Returns the errors of a failed subrequest.
   *
   * @return an unmodifiable list; empty on success
   */
  public List<SalesforceError> errors() {
    return errors;
  }

  /**
   * Returns the body of a create or upsert.
   *
   * @return the save result, if the body is one
   */
  public Optional<SaveResult> saveResult() {
    return body != null && body.isObject() && body.has("success") ? Optional.of(saveResultOf(body)) : Optional.empty();
  }

  /**
   * Returns the body of a Collections create, update, upsert or delete.
   *
   * @return the per-record results in record order; empty if the body is not such a list
   */
  public List<SaveResult> saveResults() {
    List<SaveResult> out = new ArrayList<>();
    if (body != null && body.isArray()) {
      for (JsonNode item : body) {
        if (!item.isObject() || !item.has("success")) {
          return List.of();
        }
        out.add(saveResultOf(item));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the body of a record retrieve.
   *
   * @return the record, if the body is one
   */
  public Optional<SObject> record() {
    return RecordJson.isRecord(body) ? Optional.of(RecordJson.read(body)) : Optional.empty();
  }

  /**
   * Returns the body of a query or queryAll: the first page of records.
   *
   * @return the page, if the body is one
   */
  public Optional<RelatedRecords> queryResult() {
    return RecordJson.isQueryResult(body) ? Optional.of(RecordJson.readQueryResult(body)) : Optional.empty();
  }

  /**
   * Returns the body of a Collections retrieve: one entry per requested id, empty where the record
   * could not be read.
   *
   * @return the records in id order; an empty list if the body is not such a list
   */
  public List<Optional<SObject>> records() {
    List<Optional<SObject>> out = new ArrayList<>();
    if (body != null && body.isArray()) {
      for (JsonNode item : body) {
        if (item.isNull()) {
          out.add(Optional.empty());
        } else if (RecordJson.isRecord(item)) {
          out.add(Optional.of(RecordJson.read(item)));
        } else {
          return List.of();
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the body as JSON text, for shapes the typed accessors do not cover.
   *
   * @return the body, or an empty string when there was none
   */
  public String bodyJson() {
    return body == null ? "" : new String(Wire.bytes(body), StandardCharsets.UTF_8);
  }

  static SaveResult saveResultOf(JsonNode node) {
    JsonNode id = node.get("id");
    JsonNode created = node.get("created");
    return new SaveResult(id == null || id.isNull() ? null : id.asText(), node.path("success").asBoolean(false),
        created == null || created.isNull() ? null : created.asBoolean(), Wire.errors(node.get("errors")));
  }

  /** Returns the position, referenceId, status and errors; never the body. */
  @Override
  public String toString() {
    return "SubResult{" + (referenceId != null ? "referenceId=" + referenceId : "index=" + index)
        + ", outcome=" + outcome + ", status=" + statusCode + (errors.isEmpty() ? "" : ", errors=" + errors) + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SubResult)) {
      return false;
    }
    SubResult s = (SubResult) o;
    return index == s.index && statusCode == s.statusCode && outcome == s.outcome
        && Objects.equals(referenceId, s.referenceId) && Objects.equals(body, s.body)
        && httpHeaders.equals(s.httpHeaders);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, referenceId, statusCode, outcome);
  }
}
