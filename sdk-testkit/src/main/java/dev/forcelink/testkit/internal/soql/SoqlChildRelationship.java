package dev.forcelink.testkit.internal.soql;

import java.util.Objects;

/**
 * A child relationship of a parent object, as used in a subquery's FROM: {@code Contacts} is the
 * relationship from Account to Contact through Contact's {@code AccountId}.
 *
 * @param relationshipName canonical relationship name, e.g. {@code Contacts}
 * @param childObject canonical name of the child object, e.g. {@code Contact}
 * @param field canonical name of the child's lookup field, e.g. {@code AccountId}
 */
public record SoqlChildRelationship(String relationshipName, String childObject, String field) {
    /**
     * Checks that no component is null.
     *
     * @throws NullPointerException if a component is null
     */
    public SoqlChildRelationship {
        Objects.requireNonNull(relationshipName, "relationshipName");
        Objects.requireNonNull(childObject, "childObject");
        Objects.requireNonNull(field, "field");
    }
}
