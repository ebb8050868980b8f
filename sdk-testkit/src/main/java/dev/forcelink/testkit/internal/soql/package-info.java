/**
 * The emulator's SOQL engine: a parser for the SOQL subset the emulator supports, a binder that
 * checks a parsed query against a {@link dev.forcelink.testkit.internal.soql.SoqlCatalog}, and an
 * evaluator that runs it over a {@link dev.forcelink.testkit.internal.soql.SoqlDataSource}.
 *
 * <p>Internal to the test kit: the REST and Bulk layers of the emulator adapt their org to the
 * catalog and data source interfaces here and turn {@link
 * dev.forcelink.testkit.internal.soql.SoqlResult} into Salesforce's JSON or CSV. Errors are {@link
 * dev.forcelink.testkit.internal.soql.SoqlException}s whose code and message follow Salesforce's.
 */
package dev.forcelink.testkit.internal.soql;
