/**
 * Internal: the record JSON codec ({@link dev.forcelink.rest.internal.json.SObjectCodec}) and the
 * binding mappers shared by the REST, Composite and sObject Collections clients. Not part of the
 * public API; may change in any release.
 */
package dev.forcelink.rest.internal.json;
