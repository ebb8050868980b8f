package dev.forcelink.rest.describe;

/**
 * One value of a picklist field.
 *
 * @param value the API value
 * @param label the label shown to users
 * @param active whether the value can be chosen
 * @param defaultValue whether it is the default
 */
public record PicklistValue(String value, String label, boolean active, boolean defaultValue) {}
