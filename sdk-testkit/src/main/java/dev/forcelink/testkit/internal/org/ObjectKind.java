package dev.forcelink.testkit.internal.org;

/** What kind of sObject a definition describes. */
public enum ObjectKind {
    /** A standard object such as Account. */
    STANDARD,
    /** A custom object, API name ending in {@code __c}. */
    CUSTOM,
    /** A platform event, API name ending in {@code __e}: published, never stored as a record. */
    PLATFORM_EVENT
}
