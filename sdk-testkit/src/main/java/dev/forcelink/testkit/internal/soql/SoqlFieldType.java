package dev.forcelink.testkit.internal.soql;

/**
 * The field types the SOQL engine distinguishes; the catalog maps each describe {@code type} to
 * one of these (textarea, phone, email, url, combobox and the like to {@link #STRING}; currency and
 * percent to {@link #DOUBLE}; int and long to {@link #INTEGER}).
 */
public enum SoqlFieldType {
    /** A record id ({@code String} of 15 or 18 characters). */
    ID,
    /** Any text-like field ({@code String}). */
    STRING,
    /** A checkbox ({@code Boolean}). */
    BOOLEAN,
    /** A whole number ({@code Long}, {@code Integer} or {@code BigDecimal}). */
    INTEGER,
    /** A decimal number, currency or percent ({@code BigDecimal}, {@code Double} or {@code Long}). */
    DOUBLE,
    /** A calendar date ({@code LocalDate}). */
    DATE,
    /** An instant ({@code Instant} or {@code OffsetDateTime}). */
    DATETIME,
    /** A time of day ({@code LocalTime}); selectable, filterable only against {@code null}. */
    TIME,
    /** A lookup or master-detail field holding the id of a parent record ({@code String}). */
    REFERENCE,
    /** A single-select picklist ({@code String}). */
    PICKLIST,
    /** A multi-select picklist: values joined by {@code ;} ({@code String}). */
    MULTIPICKLIST
}
