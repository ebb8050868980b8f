/**
 * The REST API client: {@code RestClient} for sObjects, upsert by external id, query and queryAll
 * with lazy paging, search, describe, limits and raw requests, and the record type
 * {@link dev.forcelink.rest.SObject} every operation reads and writes.
 */
package dev.forcelink.rest;
