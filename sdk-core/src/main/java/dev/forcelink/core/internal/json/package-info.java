/** The shared, hardened Jackson configuration. Internal to Forcelink. */
package dev.forcelink.core.internal.json;
