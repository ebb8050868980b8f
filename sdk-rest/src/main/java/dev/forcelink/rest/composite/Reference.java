package dev.forcelink.rest.composite;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference to the result of an earlier subrequest of the same composite request or graph,
 * rendered as {@code @{referenceId.path}}: {@code Reference.to("NewAccount").field("id")} is
 * {@code @{NewAccount.id}}, {@code Reference.to("Contacts").field("records").index(0).field("Id")}
 * is {@code @{Contacts.records[0].Id}}, and nested fields such as
 * {@code @{NewAccount.BillingAddress.city}} chain {@link #field(String)}.
 *
 * <p>A reference can be used anywhere in a subrequest: as a field value of an {@code SObject}
 * ({@code set("AccountId", ref)}), as a record id ({@link Subrequest#retrieve(String, Reference,
 * String...)}), or inside text such as a SOQL query through {@link #toString()}. Salesforce matches
 * field names case-sensitively: a create returns {@code id}, a retrieved record has {@code Id}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Reference {
  private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");

  private final String referenceId;
  private final String path;

  private Reference(String referenceId, String path) {
    this.referenceId = referenceId;
    this.path = path;
  }

  /**
   * Starts a reference to a subrequest's result.
   *
   * @param referenceId the referenceId of an earlier subrequest
   * @return a reference to the whole result; add at least one {@link #field(String)} before use
   * @throws IllegalArgumentException if the referenceId is not a valid one (see
   *     {@link CompositeRequest.Builder#add(String, Subrequest)})
   */
  public static Reference to(String referenceId) {
    return new Reference(requireValidId(referenceId, "referenceId"), "");
  }

  /** Checks a referenceId (or graphId): a letter or digit first, then letters, digits and _. */
  static String requireValidId(String id, String what) {
    Objects.requireNonNull(id, what);
    if (!REFERENCE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Invalid " + what + " '" + id
          + "': it must start with a letter or digit and contain only letters, digits and _");
    }
    return id;
  }

  /**
   * Returns a reference to a field of this one's value.
   *
   * @param name the field, as Salesforce spells it in the result (case-sensitive)
   * @return the longer reference
   * @throws IllegalArgumentException if the name is blank or contains {@code . [ ] @ { }} or
   *     whitespace
   */
  public Reference field(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.chars().anyMatch(c -> ".[]{}@".indexOf(c) >= 0 || Character.isWhitespace(c))) {
      throw new IllegalArgumentException("Invalid field name in a reference: '" + name
          + "'; chain field(...) calls for nested fields instead of using dots");
    }
    return new Reference(referenceId, path + "." + name);
  }

  /**
   * Returns a reference to an element of this one's list value, as in {@code records[0]}.
   *
   * @param index the zero-based index
   * @return the longer reference
   * @throws IllegalArgumentException if the index is negative or nothing has been selected yet
   */
  public Reference index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("A reference index must not be negative, got " + index);
    }
    if (path.isEmpty()) {
      throw new IllegalArgumentException("Select a field before an index, as in field(\"records\").index(0)");
    }
    return new Reference(referenceId, path + "[" + index + "]");
  }

  /**
   * Returns the referenceId this reference points at.
   *
   * @return the referenceId
   */
  public String referenceId() {
    return referenceId;
  }

  /**
   * Returns the expression Salesforce resolves.
   *
   * @return such as {@code @{NewAccount.id}}
   * @throws IllegalStateException if no field was selected
   */
  public String expression() {
    if (path.isEmpty()) {
      throw new IllegalStateException("Reference to '" + referenceId
          + "' selects no field; add field(\"id\") or similar");
    }
    return "@{" + referenceId + path + "}";
  }

  /**
   * Returns {@link #expression()}, so that a reference can be concatenated into text such as a
   * SOQL query.
   *
   * @return the expression
   * @throws IllegalStateException if no field was selected
   */
  @Override
  public String toString() {
    return expression();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reference && ((Reference) o).referenceId.equals(referenceId)
        && ((Reference) o).path.equals(path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(referenceId, path);
  }
}
