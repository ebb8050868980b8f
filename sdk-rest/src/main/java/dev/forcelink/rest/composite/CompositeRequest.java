package dev.forcelink.rest.composite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.http.Idempotency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code /composite} request: up to 25 subrequests run in order in one call, each with a
 * referenceId that later subrequests can refer to ({@link Reference}). Built and validated before
 * anything is sent: referenceIds (a letter or digit first, then letters, digits and {@code _};
 * unique), references (each must name an earlier subrequest) and the limits (at most 25
 * subrequests, of which at most 5 query, queryAll or Collections calls).
 *
 * <pre>{@code
 * CompositeRequest request = CompositeRequest.builder()
 *     .allOrNone(true)
 *     .add("NewAccount", Subrequest.create(SObject.builder("Account").set("Name", "Acme").build()))
 *     .add("NewContact", Subrequest.create(SObject.builder("Contact").set("LastName", "Doe")
 *         .set("AccountId", Reference.to("NewAccount").field("id")).build()))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CompositeRequest {
  private final boolean allOrNone;
  private final Boolean collateSubrequests;
  private final Map<String, Subrequest> subrequests;

  private CompositeRequest(Builder b) {
    this.allOrNone = b.allOrNone;
    this.collateSubrequests = b.collateSubrequests;
    this.subrequests = Collections.unmodifiableMap(new LinkedHashMap<>(b.subrequests));
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
   * Tells whether a failure rolls back every subrequest.
   *
   * @return the flag
   */
  public boolean allOrNone() {
    return allOrNone;
  }

  /**
   * Returns the {@code collateSubrequests} flag, when set.
   *
   * @return the flag; empty leaves Salesforce's default ({@code true} from API v49.0)
   */
  public Optional<Boolean> collateSubrequests() {
    return Optional.ofNullable(collateSubrequests);
  }

  /**
   * Returns the subrequests by referenceId, in order.
   *
   * @return an unmodifiable ordered map
   */
  public Map<String, Subrequest> subrequests() {
    return subrequests;
  }

  /** Resending is safe only when every subrequest is. */
  Idempotency idempotency() {
    return idempotencyOf(subrequests.values());
  }

  static Idempotency idempotencyOf(Iterable<Subrequest> subrequests) {
    for (Subrequest s : subrequests) {
      if (!s.idempotency().isSafeToResend()) {
        return Idempotency.NON_IDEMPOTENT;
      }
    }
    return Idempotency.PROTECTED;
  }

  ObjectNode toJson(ApiVersion version) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("allOrNone", allOrNone);
    if (collateSubrequests != null) {
      root.put("collateSubrequests", collateSubrequests);
    }
    writeSubrequests(root.putArray("compositeRequest"), subrequests, version);
    return root;
  }

  static void writeSubrequests(ArrayNode array, Map<String, Subrequest> subrequests, ApiVersion version) {
    subrequests.forEach((referenceId, s) -> {
      ObjectNode node = array.addObject();
      node.put("method", s.method());
      node.put("url", version.dataPath() + s.path());
      node.put("referenceId", referenceId);
      if (s.body() != null) {
        node.putRawValue("body", new RawValue(s.body()));
      }
      if (!s.httpHeaders().isEmpty()) {
        ObjectNode headers = node.putObject("httpHeaders");
        s.httpHeaders().forEach(headers::put);
      }
    });
  }

  /** Fails if a subrequest refers to a referenceId that no earlier subrequest has. */
  static void checkReferences(Map<String, Subrequest> subrequests, String where) {
    List<String> seen = new ArrayList<>();
    for (Map.Entry<String, Subrequest> e : subrequests.entrySet()) {
      for (String target : e.getValue().referencedIds()) {
        if (!seen.contains(target)) {
          throw new IllegalArgumentException("Subrequest '" + e.getKey() + "'" + where + " refers to @{" + target
              + "…}, but no earlier subrequest has referenceId '" + target
              + "'; a reference must name a subrequest added before it. Nothing was sent.");
        }
      }
      seen.add(e.getKey());
    }
  }

  /** Returns the flags and the subrequests' methods and paths; never bodies. */
  @Override
  public String toString() {
    return "CompositeRequest{allOrNone=" + allOrNone + ", subrequests=" + subrequests + "}";
  }

  /** Builds a {@link CompositeRequest}. Not thread-safe. */
  public static final class Builder {
    private boolean allOrNone;
    private Boolean collateSubrequests;
    private final Map<String, Subrequest> subrequests = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets whether any failure rolls back every subrequest (default false). Subrequests rolled back
     * or never run then report {@code PROCESSING_HALTED} ({@link SubResult#isHalted()}).
     *
     * @param allOrNone the flag
     * @return this builder
     */
    public Builder allOrNone(boolean allOrNone) {
      this.allOrNone = allOrNone;
      return this;
    }

    /**
     * Sets whether Salesforce may group independent subrequests for speed (API v48.0+; the
     * server's default is true from v49.0).
     *
     * @param collate the flag
     * @return this builder
     */
    public Builder collateSubrequests(boolean collate) {
      this.collateSubrequests = collate;
      return this;
    }

    /**
     * Adds a subrequest.
     *
     * @param referenceId names the result for later references: a letter or digit first, then
     *     letters, digits and {@code _}; unique in the request
     * @param subrequest the subrequest
     * @return this builder
     * @throws IllegalArgumentException if the referenceId is invalid or already used
     */
    public Builder add(String referenceId, Subrequest subrequest) {
      Reference.requireValidId(referenceId, "referenceId");
      Objects.requireNonNull(subrequest, "subrequest");
      if (subrequests.containsKey(referenceId)) {
        throw new IllegalArgumentException("Duplicate referenceId '" + referenceId
            + "': each subrequest of a composite request needs its own");
      }
      subrequests.put(referenceId, subrequest);
      return this;
    }

    /**
     * Builds the request after checking the limits and references.
     *
     * @return the request
     * @throws IllegalArgumentException if there are no subrequests, more than 25, more than 5
     *     query/queryAll/Collections subrequests (the message says which limit and by how much), or a
     *     reference names no earlier subrequest
     */
    public CompositeRequest build() {
      if (subrequests.isEmpty()) {
        throw new IllegalArgumentException("A composite request needs at least one subrequest");
      }
      Limits.check(subrequests.size(), Limits.COMPOSITE_SUBREQUESTS, "subrequests in a composite request",
          "Split it into several composite requests, or use CollectionsClient for lists of records.");
      long heavy = subrequests.values().stream().filter(Subrequest::isQueryOrCollections).count();
      Limits.check((int) heavy, Limits.COMPOSITE_QUERY_OR_COLLECTIONS,
          "query, queryAll and sObject Collections subrequests in a composite request",
          "Move some of them into another composite request.");
      checkReferences(subrequests, "");
      return new CompositeRequest(this);
    }
  }
}
