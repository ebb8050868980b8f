package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.testkit.internal.org.ObjectKind;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.pubsub.EventSchemaGenerator;
import dev.forcelink.testkit.internal.pubsub.OrgEventShapes;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's topics, their event logs and the schemas of their events. Topics exist for every platform event and
 * stored object of the org schema and are created on first use; schemas follow the schema (an object that gains
 * fields gets a new schema and schema id; old ids stay resolvable).
 *
 * <p>Thread-safe.
 */
final class EventBus {

    private final OrgSchema orgSchema;
    private final Clock clock;
    private final PubSubSettings settings;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Map<String, PlatformEventModel> platformModels = new ConcurrentHashMap<>();
    private final Map<String, ChangeEventModel> changeModels = new ConcurrentHashMap<>();
    private final Map<String, String> schemaJsonById = new ConcurrentHashMap<>();

    EventBus(OrgSchema orgSchema, Clock clock, PubSubSettings settings) {
        this.orgSchema = orgSchema;
        this.clock = clock;
        this.settings = settings;
    }

    long nowMillis() {
        return clock.millis();
    }

    PubSubSettings settings() {
        return settings;
    }

    /**
     * @param name a topic name, case-sensitive
     * @return the topic, or {@code null} if the org has no such topic
     */
    Topic topic(String name) {
        Topic known = topics.get(name);
        if (known != null) {
            return known;
        }
        Topic.Kind kind;
        String apiName;
        if (name.equals(TopicNames.ALL_CHANGE_EVENTS)) {
            kind = Topic.Kind.ALL_CHANGE_EVENTS;
            apiName = null;
        } else if (TopicNames.platformEvent(name) != null) {
            SObjectDef def = orgSchema.find(TopicNames.platformEvent(name));
            if (def == null || def.kind() != ObjectKind.PLATFORM_EVENT || !def.name().equals(TopicNames.platformEvent(name))) {
                return null;
            }
            kind = Topic.Kind.PLATFORM_EVENT;
            apiName = def.name();
        } else {
            String objectName = TopicNames.changeEventObject(name);
            SObjectDef def = objectName == null ? null : orgSchema.find(objectName);
            if (def == null || !def.storable() || !def.name().equals(objectName)) {
                return null;
            }
            kind = Topic.Kind.OBJECT_CHANGE_EVENTS;
            apiName = def.name();
        }
        return topics.computeIfAbsent(name, n -> new Topic(n, kind, apiName,
                new EventLog(settings.maxEventsPerTopic(), settings.retention().toMillis())));
    }

    /** @return the topics used so far */
    Collection<Topic> topics() {
        return topics.values();
    }

    /**
     * The schema a topic's {@code TopicInfo} reports. {@code /data/ChangeEvents} carries events of many schemas, and
     * each event names its own; what Salesforce reports for the channel itself is unverified, so it reports the
     * schema of the first object's change events.
     *
     * @param topic a topic
     * @return its current schema
     */
    EventModel schemaOf(Topic topic) {
        switch (topic.kind()) {
            case PLATFORM_EVENT:
                return platformModel(orgSchema.find(topic.apiName()));
            case OBJECT_CHANGE_EVENTS:
                return changeModel(orgSchema.find(topic.apiName()));
            default:
                SObjectDef first = orgSchema.find("Account");
                if (first == null) {
                    first = orgSchema.objects().stream().filter(SObjectDef::storable).findFirst().orElseThrow();
                }
                return changeModel(first);
        }
    }

    /**
     * @param event a platform event definition
     * @return its model for the definition's current fields
     */
    EventModel platformModel(SObjectDef event) {
        PlatformEventModel current = platformModels.get(event.name());
        if (current != null && current.definition() == event) {
            return current;
        }
        PlatformEventModel created = new PlatformEventModel(event,
                EventSchemaGenerator.generate(OrgEventShapes.platformEvent(event)));
        schemaJsonById.put(created.schemaId(), created.schemaJson());
        platformModels.put(event.name(), created);
        return created;
    }

    /**
     * @param object a stored object's definition
     * @return its change event model for the definition's current fields
     */
    ChangeEventModel changeModel(SObjectDef object) {
        ChangeEventModel current = changeModels.get(object.name());
        if (current != null && current.object() == object) {
            return current;
        }
        ChangeEventModel created = ChangeEventModel.of(object);
        schemaJsonById.put(created.schemaId(), created.schemaJson());
        changeModels.put(object.name(), created);
        return created;
    }

    /**
     * @param schemaId a schema id
     * @return the schema's JSON, or {@code null} if no topic has used it
     */
    String schemaJson(String schemaId) {
        String json = schemaJsonById.get(schemaId);
        if (json != null) {
            return json;
        }
        // A client may ask for a schema before any event or topic lookup made it: generate the org's schemas once.
        for (SObjectDef def : orgSchema.objects()) {
            if (def.kind() == ObjectKind.PLATFORM_EVENT) {
                platformModel(def);
            } else {
                changeModel(def);
            }
        }
        return schemaJsonById.get(schemaId);
    }

    /** The model of a platform event: its definition and schema. */
    static final class PlatformEventModel extends EventModel {
        private final SObjectDef definition;

        PlatformEventModel(SObjectDef definition, org.apache.avro.Schema schema) {
            super(schema);
            this.definition = definition;
        }

        SObjectDef definition() {
            return definition;
        }
    }
}
