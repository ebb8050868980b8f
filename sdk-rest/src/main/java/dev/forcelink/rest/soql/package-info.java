/**
 * A SOQL builder ({@link dev.forcelink.rest.soql.SoqlBuilder}, {@link dev.forcelink.rest.soql.Condition})
 * that writes every value as a literal and checks every identifier.
 */
package dev.forcelink.rest.soql;
