/**
 * API-limit tracking: {@link dev.forcelink.core.limits.ApiUsage} snapshots parsed from the
 * {@code Sforce-Limit-Info} header of every response, and the optional budget guard.
 */
package dev.forcelink.core.limits;
