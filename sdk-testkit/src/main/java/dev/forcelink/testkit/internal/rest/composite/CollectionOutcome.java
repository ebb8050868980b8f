package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The per-record results of an sObject Collections write, in request order, and whether the call's writes must
 * be undone ({@code allOrNone} with a failed record). Immutable once built.
 *
 * @param results {@code [{"id","success","errors"}]}
 * @param undo whether nothing may be committed
 */
record CollectionOutcome(ArrayNode results, boolean undo) {
}
