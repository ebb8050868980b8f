package dev.forcelink.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.core.internal.json.Json;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * What Salesforce reports about a Bulk API 2.0 job (its JobInfo): id, operation, object, state,
 * counters and, for a failed job, the error message. Fields the server left out are empty or zero.
 *
 * <p>Immutable and thread-safe.
 */
public final class JobInfo {
  private final String id;
  private final String operation;
  private final String object;
  private final JobState state;
  private final String rawState;
  private final String externalIdFieldName;
  private final String assignmentRuleId;
  private final String createdById;
  private final OffsetDateTime createdDate;
  private final OffsetDateTime systemModstamp;
  private final String concurrencyMode;
  private final String contentType;
  private final String apiVersion;
  private final String jobType;
  private final String contentUrl;
  private final String lineEnding;
  private final String columnDelimiter;
  private final long numberRecordsProcessed;
  private final long numberRecordsFailed;
  private final long retries;
  private final long totalProcessingTime;
  private final String errorMessage;
  private final String query;

  JobInfo(JsonNode node) {
    this.id = text(node, "id");
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("JobInfo without an id");
    }
    this.operation = text(node, "operation");
    this.object = text(node, "object");
    this.rawState = text(node, "state");
    this.state = JobState.fromWireName(rawState);
    this.externalIdFieldName = text(node, "externalIdFieldName");
    this.assignmentRuleId = text(node, "assignmentRuleId");
    this.createdById = text(node, "createdById");
    this.createdDate = dateTime(node, "createdDate");
    this.systemModstamp = dateTime(node, "systemModstamp");
    this.concurrencyMode = text(node, "concurrencyMode");
    this.contentType = text(node, "contentType");
    this.apiVersion = text(node, "apiVersion");
    this.jobType = text(node, "jobType");
    this.contentUrl = text(node, "contentUrl");
    this.lineEnding = text(node, "lineEnding");
    this.columnDelimiter = text(node, "columnDelimiter");
    this.numberRecordsProcessed = node.path("numberRecordsProcessed").asLong(0);
    this.numberRecordsFailed = node.path("numberRecordsFailed").asLong(0);
    this.retries = node.path("retries").asLong(0);
    this.totalProcessingTime = node.path("totalProcessingTime").asLong(0);
    this.errorMessage = text(node, "errorMessage");
    this.query = text(node, "query");
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static OffsetDateTime dateTime(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Json.parseOffsetDateTime(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Returns the job id (prefix {@code 750}). @return the id */
  public String id() {
    return id;
  }

  /** Returns the operation, such as {@code insert} or {@code query}. @return the operation, if reported */
  public Optional<String> operation() {
    return Optional.ofNullable(operation);
  }

  /** Returns the sObject name. @return the object, if reported */
  public Optional<String> object() {
    return Optional.ofNullable(object);
  }

  /** Returns the state. @return the state; {@link JobState#UNKNOWN} for one this SDK does not know */
  public JobState state() {
    return state;
  }

  /** Returns the state as the server wrote it. @return the raw state, if reported */
  public Optional<String> rawState() {
    return Optional.ofNullable(rawState);
  }

  /** Returns the external id field of an upsert. @return the field, if any */
  public Optional<String> externalIdFieldName() {
    return Optional.ofNullable(externalIdFieldName);
  }

  /** Returns the assignment rule id. @return the id, if any */
  public Optional<String> assignmentRuleId() {
    return Optional.ofNullable(assignmentRuleId);
  }

  /** Returns the id of the user who created the job. @return the user id, if reported */
  public Optional<String> createdById() {
    return Optional.ofNullable(createdById);
  }

  /** Returns when the job was created. @return the time, if reported and parseable */
  public Optional<OffsetDateTime> createdDate() {
    return Optional.ofNullable(createdDate);
  }

  /** Returns when the job last changed. @return the time, if reported and parseable */
  public Optional<OffsetDateTime> systemModstamp() {
    return Optional.ofNullable(systemModstamp);
  }

  /** Returns the concurrency mode ({@code Parallel}). @return the mode, if reported */
  public Optional<String> concurrencyMode() {
    return Optional.ofNullable(concurrencyMode);
  }

  /** Returns the content type ({@code CSV}). @return the content type, if reported */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /** Returns the API version the job was created with, such as {@code 66.0}. @return the version, if reported */
  public Optional<String> apiVersion() {
    return Optional.ofNullable(apiVersion);
  }

  /** Returns the job type ({@code V2Ingest}, {@code V2Query}, …). @return the type, if reported */
  public Optional<String> jobType() {
    return Optional.ofNullable(jobType);
  }

  /** Returns the upload URL, without a leading slash; valid only while the job is Open. @return the URL, if reported */
  public Optional<String> contentUrl() {
    return Optional.ofNullable(contentUrl);
  }

  /** Returns the line ending ({@code LF} or {@code CRLF}). @return the line ending, if reported */
  public Optional<String> lineEnding() {
    return Optional.ofNullable(lineEnding);
  }

  /** Returns the column delimiter, such as {@code COMMA}. @return the delimiter, if reported */
  public Optional<String> columnDelimiter() {
    return Optional.ofNullable(columnDelimiter);
  }

  /** Returns the number of records processed so far. @return the count, 0 if not reported */
  public long numberRecordsProcessed() {
    return numberRecordsProcessed;
  }

  /** Returns the number of records that failed so far. @return the count, 0 if not reported */
  public long numberRecordsFailed() {
    return numberRecordsFailed;
  }

  /** Returns how often Salesforce retried the job's internal batches. @return the count */
  public long retries() {
    return retries;
  }

  /** Returns the total processing time in milliseconds. @return the time, 0 if not reported */
  public long totalProcessingTime() {
    return totalProcessingTime;
  }

  /** Returns the error message of a failed job. @return the message, if any */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(errorMessage);
  }

  /** Returns the SOQL of a query job. @return the query, if reported */
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JobInfo)) {
      return false;
    }
    JobInfo other = (JobInfo) o;
    return id.equals(other.id) && state == other.state
        && Objects.equals(rawState, other.rawState)
        && Objects.equals(systemModstamp, other.systemModstamp)
        && numberRecordsProcessed == other.numberRecordsProcessed
        && numberRecordsFailed == other.numberRecordsFailed
        && Objects.equals(errorMessage, other.errorMessage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, state, numberRecordsProcessed, numberRecordsFailed);
  }

  /** Returns the id, operation, object, state and counters; never record data. */
  @Override
  public String toString() {
    return "JobInfo{id=" + id + ", operation=" + operation + ", object=" + object + ", state=" + rawState
        + ", processed=" + numberRecordsProcessed + ", failed=" + numberRecordsFailed
        + (errorMessage != null ? ", errorMessage=" + errorMessage : "") + "}";
  }
}
