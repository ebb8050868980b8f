package dev.forcelink.rest;

import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.ids.SalesforceId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-request options of the REST client: Salesforce request headers, a correlation id, and the
 * fields a write clears. Set defaults with {@link RestClient.Builder#defaultOptions(RequestOptions)};
 * options given to a call override the defaults one by one.
 *
 * <p><b>Nulls on writes.</b> An {@link SObject} says itself which fields are null (set to null)
 * and which are not set (left unchanged). A user object (POJO or Java record) cannot, so its null
 * properties are left out and leave the field unchanged, unless the property is annotated
 * {@code @JsonInclude(JsonInclude.Include.ALWAYS)} or its name is listed in
 * {@link Builder#fieldsToNull(String...)}, which writes an explicit null (clearing the field).
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final String autoAssign;
  private final DuplicateRuleHeader duplicateRuleHeader;
  private final String callOptionsClient;
  private final Instant ifModifiedSince;
  private final String correlationId;
  private final List<String> fieldsToNull;

  private RequestOptions(Builder b) {
    this.autoAssign = b.autoAssign;
    this.duplicateRuleHeader = b.duplicateRuleHeader;
    this.callOptionsClient = b.callOptionsClient;
    this.ifModifiedSince = b.ifModifiedSince;
    this.correlationId = b.correlationId;
    this.fieldsToNull = List.copyOf(b.fieldsToNull);
  }

  /**
   * Returns options that set nothing.
   *
   * @return the empty options
   */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * Starts a builder.
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.autoAssign = autoAssign;
    b.duplicateRuleHeader = duplicateRuleHeader;
    b.callOptionsClient = callOptionsClient;
    b.ifModifiedSince = ifModifiedSince;
    b.correlationId = correlationId;
    b.fieldsToNull.addAll(fieldsToNull);
    return b;
  }

  /** @return the {@code Sforce-Auto-Assign} value ({@code TRUE}, {@code FALSE} or a rule id), if set */
  public Optional<String> autoAssign() {
    return Optional.ofNullable(autoAssign);
  }

  /** @return the duplicate rule header, if set */
  public Optional<DuplicateRuleHeader> duplicateRuleHeader() {
    return Optional.ofNullable(duplicateRuleHeader);
  }

  /** @return the {@code client} of {@code Sforce-Call-Options}, if set */
  public Optional<String> callOptionsClient() {
    return Optional.ofNullable(callOptionsClient);
  }

  /** @return the {@code If-Modified-Since} time, if set */
  public Optional<Instant> ifModifiedSince() {
    return Optional.ofNullable(ifModifiedSince);
  }

  /** @return the correlation id, if set */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /** @return the fields a write sets to null, in order; unmodifiable */
  public List<String> fieldsToNull() {
    return fieldsToNull;
  }

  /**
   * Returns these options with every unset value taken from {@code defaults}.
   *
   * @param defaults the fallback
   * @return the merged options
   */
  RequestOptions orElse(RequestOptions defaults) {
    if (defaults == NONE || defaults == this) {
      return this;
    }
    Builder b = toBuilder();
    b.autoAssign = autoAssign != null ? autoAssign : defaults.autoAssign;
    b.duplicateRuleHeader = duplicateRuleHeader != null ? duplicateRuleHeader : defaults.duplicateRuleHeader;
    b.callOptionsClient = callOptionsClient != null ? callOptionsClient : defaults.callOptionsClient;
    b.ifModifiedSince = ifModifiedSince != null ? ifModifiedSince : defaults.ifModifiedSince;
    b.correlationId = correlationId != null ? correlationId : defaults.correlationId;
    if (fieldsToNull.isEmpty()) {
      b.fieldsToNull.addAll(defaults.fieldsToNull);
    }
    return b.build();
  }

  /** Adds the headers and correlation id these options set. */
  void applyTo(SalesforceRequest.Builder request, boolean write) {
    if (write && autoAssign != null) {
      request.header("Sforce-Auto-Assign", autoAssign);
    }
    if (write && duplicateRuleHeader != null) {
      request.header("Sforce-Duplicate-Rule-Header", duplicateRuleHeader.headerValue());
    }
    if (callOptionsClient != null) {
      request.header("Sforce-Call-Options", "client=" + callOptionsClient);
    }
    if (!write && ifModifiedSince != null) {
      request.header("If-Modified-Since", HTTP_DATE.format(ifModifiedSince));
    }
    if (correlationId != null) {
      request.correlationId(correlationId);
    }
  }

  /**
   * Formats an instant as an HTTP date.
   *
   * @param t the instant
   * @return such as {@code Wed, 31 Jan 2024 10:00:00 GMT}
   */
  static String httpDate(Instant t) {
    return HTTP_DATE.format(t);
  }

  @Override
  public String toString() {
    return "RequestOptions{autoAssign=" + autoAssign + ", duplicateRuleHeader=" + duplicateRuleHeader
        + ", callOptionsClient=" + callOptionsClient + ", ifModifiedSince=" + ifModifiedSince
        + ", correlationId=" + correlationId + ", fieldsToNull=" + fieldsToNull + "}";
  }

  /** Builds {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    private String autoAssign;
    private DuplicateRuleHeader duplicateRuleHeader;
    private String callOptionsClient;
    private Instant ifModifiedSince;
    private String correlationId;
    private final List<String> fieldsToNull = new ArrayList<>();

    private Builder() {}

    /**
     * Sets {@code Sforce-Auto-Assign} to {@code TRUE} or {@code FALSE}: whether active
     * assignment rules run on Account, Case and Lead writes (with no header, they run).
     *
     * @param assign whether to assign
     * @return this builder
     */
    public Builder autoAssign(boolean assign) {
      this.autoAssign = assign ? "TRUE" : "FALSE";
      return this;
    }

    /**
     * Sets {@code Sforce-Auto-Assign} to the id of the assignment rule to run.
     *
     * @param assignmentRuleId a 15- or 18-character AssignmentRule id
     * @return this builder
     * @throws IllegalArgumentException if the id is not a valid Salesforce id
     */
    public Builder autoAssignRule(String assignmentRuleId) {
      this.autoAssign = SalesforceId.parse(assignmentRuleId).toString();
      return this;
    }

    /**
     * Sets {@code Sforce-Duplicate-Rule-Header}.
     *
     * @param header the duplicate rule options
     * @return this builder
     */
    public Builder duplicateRuleHeader(DuplicateRuleHeader header) {
      this.duplicateRuleHeader = Objects.requireNonNull(header, "header");
      return this;
    }

    /**
     * Sets {@code Sforce-Call-Options: client=<client>}, which names the integration in
     * Salesforce's logs and in Change Data Capture's {@code changeOrigin}.
     *
     * @param client the client id: letters, digits, {@code _ - .}
     * @return this builder
     * @throws IllegalArgumentException if the id is empty or holds other characters
     */
    public Builder callOptionsClient(String client) {
      Objects.requireNonNull(client, "client");
      if (!client.matches("[A-Za-z0-9_.\\-]{1,80}")) {
        throw new IllegalArgumentException("A call-options client id is 1-80 letters, digits, '_', '-' or '.',"
            + " got '" + client + "'");
      }
      this.callOptionsClient = client;
      return this;
    }

    /**
     * Sets {@code If-Modified-Since} on reads; an unchanged resource then gives a
     * {@link Conditional#notModified()} outcome, not an error.
     *
     * @param since the time
     * @return this builder
     */
    public Builder ifModifiedSince(Instant since) {
      this.ifModifiedSince = Objects.requireNonNull(since, "since");
      return this;
    }

    /**
     * Sets the correlation id sent in {@code X-SFDC-REQUEST-ID} on every attempt.
     *
     * @param correlationId 1-128 printable ASCII characters without spaces
     * @return this builder
     * @throws IllegalArgumentException if the id is not such text
     */
    public Builder correlationId(String correlationId) {
      Objects.requireNonNull(correlationId, "correlationId");
      if (correlationId.isEmpty() || correlationId.length() > 128
          || !correlationId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException("correlationId must be 1-128 printable ASCII characters without spaces");
      }
      this.correlationId = correlationId;
      return this;
    }

    /**
     * Lists fields that a write of a user object sets to null (clears), even though the object
     * cannot say so itself.
     *
     * @param fields field API names
     * @return this builder
     * @throws IllegalArgumentException if a name is blank
     */
    public Builder fieldsToNull(String... fields) {
      for (String f : fields) {
        if (f == null || f.isBlank()) {
          throw new IllegalArgumentException("fieldsToNull holds a blank field name");
        }
        fieldsToNull.add(f);
      }
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
