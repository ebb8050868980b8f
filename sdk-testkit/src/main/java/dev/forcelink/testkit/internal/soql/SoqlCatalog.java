package dev.forcelink.testkit.internal.soql;

import java.util.Optional;

/**
 * The schema a query is checked against: the emulator's org adapts its object definitions to this.
 * Implementations must be safe to call from several threads at once.
 */
@FunctionalInterface
public interface SoqlCatalog {
    /**
     * An object by name, case-insensitively.
     *
     * @param name the object name as written in the query
     * @return the object's schema, or empty when the org has no such object
     */
    Optional<SoqlObjectSchema> findObject(String name);
}
