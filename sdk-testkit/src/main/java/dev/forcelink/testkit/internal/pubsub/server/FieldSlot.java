package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.testkit.internal.pubsub.SalesforceFieldType;

/**
 * Where a stored field goes in a change event: a top-level field, or a part of a compound field.
 *
 * @param field the top-level event field ({@code Phone}, {@code BillingAddress})
 * @param part the part of a compound field ({@code City}), or {@code null}
 * @param type the event field's type
 */
record FieldSlot(String field, String part, SalesforceFieldType type) {

    /** @return the path as bitmaps encode it: {@code Phone} or {@code BillingAddress.City} */
    String path() {
        return part == null ? field : field + "." + part;
    }
}
