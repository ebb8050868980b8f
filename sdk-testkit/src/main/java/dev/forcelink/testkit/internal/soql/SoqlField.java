package dev.forcelink.testkit.internal.soql;

import java.util.List;
import java.util.Objects;

/**
 * One field of an object as the SOQL engine sees it: canonical name, type and, for a reference,
 * the relationship name and the objects it may point to. Immutable and thread-safe.
 */
public final class SoqlField {
    private final String name;
    private final SoqlFieldType type;
    private final String relationshipName;
    private final List<String> referenceTo;

    private SoqlField(String name, SoqlFieldType type, String relationshipName, List<String> referenceTo) {
        this.name = requireText(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.relationshipName = relationshipName;
        this.referenceTo = List.copyOf(referenceTo);
    }

    /**
     * A field that is not a reference.
     *
     * @param name canonical field name, e.g. {@code Name}
     * @param type its type; not {@link SoqlFieldType#REFERENCE}
     * @return the field
     * @throws IllegalArgumentException if the name is blank or the type is {@code REFERENCE}
     */
    public static SoqlField of(String name, SoqlFieldType type) {
        if (type == SoqlFieldType.REFERENCE) {
            throw new IllegalArgumentException("use SoqlField.reference(...) for reference field " + name);
        }
        return new SoqlField(name, type, null, List.of());
    }

    /**
     * A lookup or master-detail field.
     *
     * @param name canonical field name, e.g. {@code AccountId}
     * @param relationshipName the name used in paths, e.g. {@code Account}
     * @param referenceTo the objects the field may point to (several for a polymorphic lookup), not empty
     * @return the field
     * @throws IllegalArgumentException if a name is blank or {@code referenceTo} is empty
     */
    public static SoqlField reference(String name, String relationshipName, List<String> referenceTo) {
        if (referenceTo.isEmpty()) {
            throw new IllegalArgumentException("reference field " + name + " must point to at least one object");
        }
        return new SoqlField(name, SoqlFieldType.REFERENCE, requireText(relationshipName, "relationshipName"),
                referenceTo);
    }

    /**
     * The canonical field name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The field's type.
     *
     * @return the type
     */
    public SoqlFieldType type() {
        return type;
    }

    /**
     * The relationship name of a reference field.
     *
     * @return the relationship name, or null when this is not a reference
     */
    public String relationshipName() {
        return relationshipName;
    }

    /**
     * The objects a reference field may point to, in the catalog's order.
     *
     * @return unmodifiable list, empty when this is not a reference
     */
    public List<String> referenceTo() {
        return referenceTo;
    }

    @Override
    public String toString() {
        return "SoqlField[" + name + ":" + type + (relationshipName == null ? "" : " " + relationshipName + "->" + referenceTo) + "]";
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
