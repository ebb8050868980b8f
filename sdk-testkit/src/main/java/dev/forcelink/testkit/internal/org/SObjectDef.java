package dev.forcelink.testkit.internal.org;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One sObject type: its names, key prefix, kind and fields in declaration order. Immutable and thread-safe; adding
 * fields makes a new definition ({@link #withFields}).
 */
public final class SObjectDef {

    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final ObjectKind kind;
    private final Map<String, FieldDef> fieldsByLowerName;
    private final Collection<FieldDef> fields;

    /**
     * @param name API name, e.g. {@code Account}
     * @param label singular label
     * @param labelPlural plural label
     * @param keyPrefix three-character id prefix
     * @param kind standard, custom or platform event
     * @param fields the fields in declaration order
     */
    public SObjectDef(String name, String label, String labelPlural, String keyPrefix, ObjectKind kind,
                      Collection<FieldDef> fields) {
        this.name = Objects.requireNonNull(name, "name");
        this.label = label != null ? label : name.replace("__c", "").replace("__e", "").replace('_', ' ');
        this.labelPlural = labelPlural != null ? labelPlural : this.label + "s";
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.kind = Objects.requireNonNull(kind, "kind");
        Map<String, FieldDef> byName = new LinkedHashMap<>();
        for (FieldDef field : fields) {
            byName.put(field.name().toLowerCase(Locale.ROOT), field);
        }
        this.fieldsByLowerName = Collections.unmodifiableMap(byName);
        this.fields = Collections.unmodifiableCollection(byName.values());
    }

    public String name() { return name; }
    public String label() { return label; }
    public String labelPlural() { return labelPlural; }
    public String keyPrefix() { return keyPrefix; }
    public ObjectKind kind() { return kind; }
    public boolean custom() { return kind != ObjectKind.STANDARD; }
    /** @return whether records of this type are stored (platform events are not) */
    public boolean storable() { return kind != ObjectKind.PLATFORM_EVENT; }

    /** @return the fields in declaration order */
    public Collection<FieldDef> fields() {
        return fields;
    }

    /**
     * Finds a field by API name, ignoring case as Salesforce does.
     *
     * @param fieldName the API name
     * @return the field, or {@code null} if the object has no such field
     */
    public FieldDef field(String fieldName) {
        return fieldName == null ? null : fieldsByLowerName.get(fieldName.toLowerCase(Locale.ROOT));
    }

    /** @return whether the object has an {@code OwnerId} field */
    public boolean hasOwner() {
        return field("OwnerId") != null;
    }

    /**
     * Returns a definition with extra fields; a field with an existing name replaces the old one.
     *
     * @param extra fields to add
     * @return the new definition
     */
    public SObjectDef withFields(Collection<FieldDef> extra) {
        Map<String, FieldDef> merged = new LinkedHashMap<>(fieldsByLowerName);
        for (FieldDef field : extra) {
            merged.put(field.name().toLowerCase(Locale.ROOT), field);
        }
        return new SObjectDef(name, label, labelPlural, keyPrefix, kind, merged.values());
    }

    @Override
    public String toString() {
        return "SObjectDef[" + name + ", " + keyPrefix + ", " + fields.size() + " fields]";
    }
}
