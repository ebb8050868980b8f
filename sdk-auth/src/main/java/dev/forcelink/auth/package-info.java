/**
 * Forcelink auth module.
 */
package dev.forcelink.auth;
