/**
 * Forcelink bulk module.
 */
package dev.forcelink.bulk;
