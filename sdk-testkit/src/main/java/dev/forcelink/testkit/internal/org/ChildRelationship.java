package dev.forcelink.testkit.internal.org;

/**
 * A child relationship as describe reports it on the parent object.
 *
 * @param childSObject the child object, e.g. {@code Contact}
 * @param field the child's lookup field, e.g. {@code AccountId}
 * @param relationshipName the name used in SOQL sub-queries, e.g. {@code Contacts}
 * @param cascadeDelete whether deleting the parent deletes the children
 */
public record ChildRelationship(String childSObject, String field, String relationshipName, boolean cascadeDelete) {
}
