/**
 * The emulated org seen by the SOQL engine: its schema as a {@link dev.forcelink.testkit.internal.soql.SoqlCatalog}
 * and its records as a {@link dev.forcelink.testkit.internal.soql.SoqlDataSource}, shared by every API of the
 * emulator that runs SOQL (REST query, search, Bulk query jobs). Internal to the test kit.
 */
package dev.forcelink.testkit.internal.org.soql;
