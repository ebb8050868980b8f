/**
 * Forcelink's unchecked exceptions, split by where the failure happened: a
 * {@link dev.forcelink.core.exception.ForcelinkClientException} when the call failed on this side
 * (I/O, timeout, decoding, a local guard), a
 * {@link dev.forcelink.core.exception.SalesforceServiceException} when Salesforce answered with an
 * error. Every exception carries the correlation id sent with the request and, when the server gave
 * one, its request id; both appear in {@code getMessage()}. No exception holds a stream or a secret.
 */
package dev.forcelink.core.exception;
