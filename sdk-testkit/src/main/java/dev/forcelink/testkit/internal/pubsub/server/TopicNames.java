package dev.forcelink.testkit.internal.pubsub.server;

/** The topic name forms of Salesforce's platform event and Change Data Capture channels (case-sensitive). Stateless. */
final class TopicNames {

    static final String EVENT_PREFIX = "/event/";
    static final String DATA_PREFIX = "/data/";
    static final String ALL_CHANGE_EVENTS = "/data/ChangeEvents";
    private static final String CHANGE_EVENT_SUFFIX = "ChangeEvent";

    private TopicNames() {
    }

    /**
     * @param topicName a topic name such as {@code /data/AccountChangeEvent} or {@code /data/Employee__ChangeEvent}
     * @return the object whose change events it carries ({@code Account}, {@code Employee__c}), or {@code null}
     */
    static String changeEventObject(String topicName) {
        if (!topicName.startsWith(DATA_PREFIX) || !topicName.endsWith(CHANGE_EVENT_SUFFIX)) {
            return null;
        }
        String base = topicName.substring(DATA_PREFIX.length(), topicName.length() - CHANGE_EVENT_SUFFIX.length());
        if (base.isEmpty() || base.contains("/")) {
            return null;
        }
        if (base.endsWith("__")) {
            return base + "c";
        }
        return base.contains("__") ? null : base;
    }

    /**
     * @param topicName a topic name such as {@code /event/Order_Event__e}
     * @return the platform event's API name, or {@code null}
     */
    static String platformEvent(String topicName) {
        if (!topicName.startsWith(EVENT_PREFIX) || !topicName.endsWith("__e")) {
            return null;
        }
        String name = topicName.substring(EVENT_PREFIX.length());
        return name.contains("/") ? null : name;
    }
}
