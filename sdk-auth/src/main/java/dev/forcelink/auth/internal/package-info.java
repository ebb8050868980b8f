/**
 * Internals of the OAuth flows: the token-endpoint transport with its retry rule, response
 * parsing, signature checks, error mapping and URL policy. Not part of the public API: types here
 * may change in any release.
 */
package dev.forcelink.auth.internal;
