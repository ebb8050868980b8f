/**
 * Forcelink testkit module.
 */
package dev.forcelink.testkit;
