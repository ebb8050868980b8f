/**
 * An in-process Salesforce org for tests, examples and benchmarks: {@link dev.forcelink.testkit.SalesforceEmulator}
 * (embeddable, or standalone through {@link dev.forcelink.testkit.Main}), scripted {@link dev.forcelink.testkit.Faults},
 * the {@link dev.forcelink.testkit.RequestJournal} and the JUnit 5 {@link dev.forcelink.testkit.EmulatorExtension}.
 * Everything under {@code dev.forcelink.testkit.internal} may change without notice.
 */
package dev.forcelink.testkit;
