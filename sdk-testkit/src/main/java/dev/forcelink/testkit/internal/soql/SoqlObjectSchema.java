package dev.forcelink.testkit.internal.soql;

import java.util.Optional;

/**
 * What the SOQL engine needs to know about one object. Every lookup by name is case-insensitive and
 * answers with canonical names. Implementations must be safe to call from several threads at once.
 */
public interface SoqlObjectSchema {
    /**
     * The canonical object name, e.g. {@code Account}.
     *
     * @return the name
     */
    String name();

    /**
     * Whether the object may be queried; describe's {@code queryable}.
     *
     * @return true when queries are allowed
     */
    boolean queryable();

    /**
     * A field by name, case-insensitively.
     *
     * @param name the name as written in the query
     * @return the field, or empty when the object has no such field
     */
    Optional<SoqlField> findField(String name);

    /**
     * The reference field whose relationship name is given, case-insensitively: {@code Account} on
     * Contact answers Contact's {@code AccountId}.
     *
     * @param relationshipName the relationship name as written in the query
     * @return the reference field, or empty when there is no such relationship
     */
    Optional<SoqlField> findParentRelationship(String relationshipName);

    /**
     * A child relationship by name, case-insensitively: {@code Contacts} on Account.
     *
     * @param relationshipName the relationship name as written in the query
     * @return the child relationship, or empty when there is none by that name
     */
    Optional<SoqlChildRelationship> findChildRelationship(String relationshipName);
}
