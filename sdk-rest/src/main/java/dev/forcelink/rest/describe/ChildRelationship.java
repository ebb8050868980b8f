package dev.forcelink.rest.describe;

/**
 * A child relationship of an sObject, such as {@code Contacts} on Account.
 *
 * @param childSObject the child object, such as {@code Contact}
 * @param field the lookup field on the child, such as {@code AccountId}
 * @param relationshipName the name used in subqueries, or null when it cannot be queried
 * @param cascadeDelete whether deleting the parent deletes the children
 * @param restrictedDelete whether children prevent deleting the parent
 */
public record ChildRelationship(String childSObject, String field, String relationshipName,
    boolean cascadeDelete, boolean restrictedDelete) {}
