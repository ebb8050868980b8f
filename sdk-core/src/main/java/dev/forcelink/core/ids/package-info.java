/**
 * Salesforce record ids: {@link dev.forcelink.core.ids.SalesforceId} parses and validates the 15-
 * and 18-character forms and converts between them.
 */
package dev.forcelink.core.ids;
