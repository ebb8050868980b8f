/**
 * Internals of the Composite and sObject Collections clients: JSON rendering of records and
 * save results, reference handling in URLs and a bounded-concurrency runner. Not part of the
 * public API: types here may change in any release.
 */
package dev.forcelink.rest.internal.composite;
