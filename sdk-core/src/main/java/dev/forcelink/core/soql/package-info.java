/**
 * Safe SOQL text: {@link dev.forcelink.core.soql.Soql} turns Java values into SOQL literals and
 * checks identifiers, so that no value can change the shape of a query.
 */
package dev.forcelink.core.soql;
