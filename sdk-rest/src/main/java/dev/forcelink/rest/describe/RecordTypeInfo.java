package dev.forcelink.rest.describe;

/**
 * A record type of an sObject.
 *
 * @param name the label
 * @param developerName the API name
 * @param recordTypeId the id
 * @param available whether the current user can use it
 * @param defaultRecordTypeMapping whether it is the user's default
 * @param master whether it is the master record type
 */
public record RecordTypeInfo(String name, String developerName, String recordTypeId, boolean available,
    boolean defaultRecordTypeMapping, boolean master) {}
