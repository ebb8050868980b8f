/**
 * Forcelink examples module.
 */
package dev.forcelink.examples;
