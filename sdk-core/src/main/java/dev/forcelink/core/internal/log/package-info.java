/**
 * Redaction for logs and messages: header allow-list, secret form fields, bounded excerpts.
 * Internal to Forcelink.
 */
package dev.forcelink.core.internal.log;
