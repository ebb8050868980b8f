package dev.forcelink.testkit.internal.org;

/** The kind of a committed write, as Change Data Capture names it. */
public enum ChangeType {
    CREATE, UPDATE, DELETE, UNDELETE
}
