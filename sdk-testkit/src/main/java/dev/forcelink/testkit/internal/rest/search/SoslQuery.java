package dev.forcelink.testkit.internal.rest.search;

import java.util.List;

/**
 * A parsed search: the search text, which fields it looks in, and what to return for each object.
 * Immutable and thread-safe.
 *
 * @param searchText the text between the braces (or the parameterized {@code q})
 * @param scope which fields to search
 * @param returning the objects to return, in order; empty for "every searchable object, Id only"
 * @param limit the overall row limit, or {@code null}
 */
record SoslQuery(String searchText, Scope scope, List<Returning> returning, Integer limit) {

    SoslQuery {
        returning = List.copyOf(returning);
    }

    /** The {@code IN … FIELDS} scope. */
    enum Scope {
        ALL, NAME, EMAIL, PHONE
    }

    /**
     * One {@code RETURNING} entry.
     *
     * @param objectName the object as written
     * @param fields the field list as written (SOQL select-list text), or {@code null} for Id only
     * @param where the WHERE condition text, or {@code null}
     * @param orderBy the ORDER BY text, or {@code null}
     * @param limit the per-object LIMIT, or {@code null}
     */
    record Returning(String objectName, String fields, String where, String orderBy, Integer limit) {
    }
}
