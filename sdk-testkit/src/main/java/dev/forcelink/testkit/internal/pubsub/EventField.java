package dev.forcelink.testkit.internal.pubsub;

import java.util.List;
import java.util.Objects;

/**
 * One field of an event description: a scalar field, or a compound field (such as a name or an
 * address) whose parts are scalar fields.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface EventField permits EventField.Scalar, EventField.Compound {

  /**
   * Returns the field's API name, which becomes the Avro field name.
   *
   * @return the name
   */
  String name();

  /**
   * Creates a scalar field.
   *
   * @param name the field's API name
   * @param type the field's Salesforce type
   * @return the field
   * @throws IllegalArgumentException if the name is not a valid Avro name
   * @throws NullPointerException if an argument is null
   */
  static Scalar scalar(String name, SalesforceFieldType type) {
    return new Scalar(name, type);
  }

  /**
   * Creates a compound field.
   *
   * @param name the compound field's API name, such as {@code BillingAddress}
   * @param parts its parts, in schema order
   * @return the field
   * @throws IllegalArgumentException if the name is invalid, there are no parts, or two parts share
   *     a name
   * @throws NullPointerException if an argument is null
   */
  static Compound compound(String name, List<Scalar> parts) {
    return new Compound(name, parts);
  }

  /**
   * A field holding one value.
   *
   * @param name the field's API name
   * @param type the field's Salesforce type
   */
  record Scalar(String name, SalesforceFieldType type) implements EventField {
    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the name is not a valid Avro name
     * @throws NullPointerException if a component is null
     */
    public Scalar {
      AvroNames.check(name, "field name");
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A compound field: an Avro record of scalar parts, nullable as a whole.
   *
   * @param name the compound field's API name; also the name of its Avro record
   * @param parts its parts, in schema order; never empty
   */
  record Compound(String name, List<Scalar> parts) implements EventField {
    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if the name is invalid, there are no parts, or two parts
     *     share a name
     * @throws NullPointerException if a component is null
     */
    public Compound {
      AvroNames.check(name, "compound field name");
      parts = List.copyOf(parts);
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("Compound field " + name + " needs at least one part");
      }
      AvroNames.checkUnique(parts.stream().map(Scalar::name).toList(), "compound field " + name);
    }
  }
}
