package dev.forcelink.rest.composite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.forcelink.core.ApiVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code /composite/batch} request: independent subrequests (no references between them, no
 * headers) run one after another. Any number may be added; the client sends them in groups of 25,
 * one call per group, and returns the results in input order.
 *
 * <p>With {@link Builder#haltOnError(boolean) haltOnError}, Salesforce stops a group at its first
 * failure (later subrequests of the group report {@code 412 BATCH_PROCESSING_HALTED}) and the
 * client sends no later group (those subrequests are {@link SubResult.Outcome#NOT_ATTEMPTED}).
 * Groups sent before the failure are not undone: a batch is not a transaction.
 *
 * <p>Immutable and thread-safe.
 */
public final class BatchRequest {
  private final boolean haltOnError;
  private final List<Subrequest> subrequests;

  private BatchRequest(Builder b) {
    this.haltOnError = b.haltOnError;
    this.subrequests = List.copyOf(b.subrequests);
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
   * Tells whether processing stops at the first failure.
   *
   * @return the flag
   */
  public boolean haltOnError() {
    return haltOnError;
  }

  /**
   * Returns the subrequests in order.
   *
   * @return an unmodifiable list
   */
  public List<Subrequest> subrequests() {
    return subrequests;
  }

  ObjectNode groupJson(ApiVersion version, int from, int to) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("haltOnError", haltOnError);
    ArrayNode array = root.putArray("batchRequests");
    for (Subrequest s : subrequests.subList(from, to)) {
      ObjectNode node = array.addObject();
      node.put("method", s.method());
      // Batch URLs are relative to /services/data/, as in v65.0/sobjects/Account.
      node.put("url", version.pathSegment() + s.path());
      if (s.body() != null) {
        node.putRawValue("richInput", new RawValue(s.body()));
      }
    }
    return root;
  }

  @Override
  public String toString() {
    return "BatchRequest{haltOnError=" + haltOnError + ", subrequests=" + subrequests + "}";
  }

  /** Builds a {@link BatchRequest}. Not thread-safe. */
  public static final class Builder {
    private boolean haltOnError;
    private final List<Subrequest> subrequests = new ArrayList<>();

    private Builder() {}

    /**
     * Sets whether processing stops at the first failed subrequest (default false).
     *
     * @param haltOnError the flag
     * @return this builder
     */
    public Builder haltOnError(boolean haltOnError) {
      this.haltOnError = haltOnError;
      return this;
    }

    /**
     * Adds a subrequest.
     *
     * @param subrequest the subrequest
     * @return this builder
     * @throws IllegalArgumentException if it refers to another result or carries HTTP headers,
     *     which batch subrequests cannot
     */
    public Builder add(Subrequest subrequest) {
      Objects.requireNonNull(subrequest, "subrequest");
      if (!subrequest.referencedIds().isEmpty()) {
        throw new IllegalArgumentException("Batch subrequests are independent and cannot use references ("
            + subrequest + "); use a CompositeRequest instead");
      }
      if (!subrequest.httpHeaders().isEmpty()) {
        throw new IllegalArgumentException("Batch subrequests cannot carry HTTP headers (" + subrequest
            + "); use a CompositeRequest instead");
      }
      subrequests.add(subrequest);
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException if there are no subrequests
     */
    public BatchRequest build() {
      if (subrequests.isEmpty()) {
        throw new IllegalArgumentException("A batch request needs at least one subrequest");
      }
      return new BatchRequest(this);
    }
  }
}
