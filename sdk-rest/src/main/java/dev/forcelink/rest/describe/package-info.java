/**
 * Describe results: {@link dev.forcelink.rest.describe.GlobalDescribe} and
 * {@link dev.forcelink.rest.describe.SObjectDescribe} with their fields, child relationships and
 * record types. All immutable and thread-safe.
 */
package dev.forcelink.rest.describe;
