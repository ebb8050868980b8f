/**
 * Forcelink rest module.
 */
package dev.forcelink.rest;
