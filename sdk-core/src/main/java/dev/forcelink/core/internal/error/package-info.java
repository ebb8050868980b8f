/** Parsing of Salesforce, Bulk and OAuth error bodies into typed exceptions. Internal to Forcelink. */
package dev.forcelink.core.internal.error;
