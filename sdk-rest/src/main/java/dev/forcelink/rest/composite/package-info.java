/**
 * The Composite API: {@link dev.forcelink.rest.composite.CompositeClient} sends
 * {@code /composite} requests of dependent subrequests with references
 * ({@link dev.forcelink.rest.composite.CompositeRequest},
 * {@link dev.forcelink.rest.composite.Reference}), batches of independent subrequests of any
 * size ({@link dev.forcelink.rest.composite.BatchRequest}), record trees
 * ({@link dev.forcelink.rest.composite.TreeRequest}) and graphs
 * ({@link dev.forcelink.rest.composite.GraphRequest}). Every limit Salesforce documents is checked
 * before a request is sent; every result reports success and failure per subrequest.
 */
package dev.forcelink.rest.composite;
