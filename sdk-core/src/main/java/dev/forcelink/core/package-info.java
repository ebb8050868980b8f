/**
 * Forcelink core module.
 */
package dev.forcelink.core;
