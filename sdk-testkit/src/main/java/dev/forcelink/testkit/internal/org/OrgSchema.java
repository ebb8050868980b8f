package dev.forcelink.testkit.internal.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sObject types of one org, looked up by API name (ignoring case) or by key prefix.
 *
 * <p>Thread-safe: lookups are lock-free; changes are serialised and replace whole (immutable) definitions, so a
 * reader sees either the old or the new definition of an object.
 */
public final class OrgSchema {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Map<String, SObjectDef> byLowerName = new ConcurrentHashMap<>();
    private final Map<String, SObjectDef> byKeyPrefix = new ConcurrentHashMap<>();
    private final AtomicInteger nextCustomPrefix = new AtomicInteger();
    private final AtomicInteger nextEventPrefix = new AtomicInteger();

    /**
     * Adds an object definition.
     *
     * @param def the definition
     * @throws IllegalArgumentException if an object with that name or key prefix exists
     */
    public synchronized void define(SObjectDef def) {
        String key = def.name().toLowerCase(Locale.ROOT);
        if (byLowerName.containsKey(key)) {
            throw new IllegalArgumentException("sObject " + def.name() + " is already defined");
        }
        if (byKeyPrefix.containsKey(def.keyPrefix())) {
            throw new IllegalArgumentException("key prefix " + def.keyPrefix() + " is already used by "
                    + byKeyPrefix.get(def.keyPrefix()).name());
        }
        byLowerName.put(key, def);
        byKeyPrefix.put(def.keyPrefix(), def);
    }

    /**
     * Declares a custom object ({@code …__c}) with the standard fields Salesforce gives every custom object and
     * the next free key prefix ({@code a00}, {@code a01}, …).
     *
     * @param name API name ending in {@code __c}
     * @param label singular label, or {@code null} to derive one
     * @param labelPlural plural label, or {@code null}
     * @param autoNumberName whether {@code Name} is an auto-number instead of required text
     * @param fields the object's own fields
     * @return the new definition
     * @throws IllegalArgumentException if the name does not end in {@code __c} or is taken
     */
    public synchronized SObjectDef declareCustomObject(String name, String label, String labelPlural,
                                                      boolean autoNumberName, Collection<FieldDef> fields) {
        if (!name.endsWith("__c")) {
            throw new IllegalArgumentException("custom object names end in __c: " + name);
        }
        List<FieldDef> all = new ArrayList<>();
        all.add(SystemFields.id());
        all.add(SystemFields.owner());
        FieldDef.Builder nameField = FieldDef.builder("Name", FieldType.STRING).label((label != null ? label : name)
                + " Name").length(80).nameField(true);
        all.add(autoNumberName ? nameField.autoNumber().build() : nameField.required().build());
        all.addAll(SystemFields.audit());
        all.addAll(fields);
        SObjectDef def = new SObjectDef(name, label, labelPlural, prefix('a', nextCustomPrefix), ObjectKind.CUSTOM, all);
        define(def);
        return def;
    }

    /**
     * Declares a platform event ({@code …__e}) with its standard fields and the next free key prefix
     * ({@code e00}, …).
     *
     * @param name API name ending in {@code __e}
     * @param label label, or {@code null}
     * @param fields the event's own fields
     * @return the new definition
     * @throws IllegalArgumentException if the name does not end in {@code __e} or is taken
     */
    public synchronized SObjectDef declarePlatformEvent(String name, String label, Collection<FieldDef> fields) {
        if (!name.endsWith("__e")) {
            throw new IllegalArgumentException("platform event names end in __e: " + name);
        }
        List<FieldDef> all = new ArrayList<>(SystemFields.platformEvent());
        all.addAll(fields);
        SObjectDef def = new SObjectDef(name, label, null, prefix('e', nextEventPrefix), ObjectKind.PLATFORM_EVENT, all);
        define(def);
        return def;
    }

    /**
     * Adds fields to an existing object; a field with an existing name is replaced.
     *
     * @param objectName the object's API name
     * @param fields the fields to add
     * @return the new definition
     * @throws IllegalArgumentException if the object is unknown
     */
    public synchronized SObjectDef addFields(String objectName, Collection<FieldDef> fields) {
        SObjectDef current = find(objectName);
        if (current == null) {
            throw new IllegalArgumentException("Unknown sObject " + objectName + "; declare it before adding fields");
        }
        SObjectDef updated = current.withFields(fields);
        byLowerName.put(current.name().toLowerCase(Locale.ROOT), updated);
        byKeyPrefix.put(updated.keyPrefix(), updated);
        return updated;
    }

    /**
     * @param name an API name, any case
     * @return the definition, or {@code null} if the org has no such object
     */
    public SObjectDef find(String name) {
        return name == null ? null : byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * @param keyPrefix a three-character key prefix
     * @return the definition, or {@code null}
     */
    public SObjectDef byKeyPrefix(String keyPrefix) {
        return keyPrefix == null ? null : byKeyPrefix.get(keyPrefix);
    }

    /**
     * @param id a record id
     * @return the object the id's key prefix belongs to, or {@code null}
     */
    public SObjectDef objectOf(String id) {
        return id == null || id.length() < 3 ? null : byKeyPrefix(id.substring(0, 3));
    }

    /** @return every object, sorted by API name */
    public List<SObjectDef> objects() {
        List<SObjectDef> all = new ArrayList<>(byLowerName.values());
        all.sort(Comparator.comparing(SObjectDef::name, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    /**
     * Lists the child relationships of an object, found from the lookups of every other object that name a child
     * relationship.
     *
     * @param parentName the parent's API name
     * @return the relationships, ordered by child object then field
     */
    public List<ChildRelationship> childRelationships(String parentName) {
        SObjectDef parent = find(parentName);
        List<ChildRelationship> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (SObjectDef child : objects()) {
            for (FieldDef field : child.fields()) {
                if (field.type() == FieldType.REFERENCE && field.childRelationshipName() != null
                        && field.referenceTo().stream().anyMatch(t -> t.equalsIgnoreCase(parent.name()))) {
                    result.add(new ChildRelationship(child.name(), field.name(), field.childRelationshipName(),
                            field.cascadeDelete()));
                }
            }
        }
        return result;
    }

    private String prefix(char first, AtomicInteger sequence) {
        while (true) {
            int n = sequence.getAndIncrement();
            if (n >= 62 * 62) {
                throw new IllegalStateException("no free key prefix left for '" + first + "'");
            }
            String candidate = "" + first + BASE62.charAt(n / 62) + BASE62.charAt(n % 62);
            if (!byKeyPrefix.containsKey(candidate)) {
                return candidate;
            }
        }
    }
}
