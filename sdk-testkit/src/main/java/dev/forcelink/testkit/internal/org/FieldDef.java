package dev.forcelink.testkit.internal.org;

import java.util.List;
import java.util.Objects;

/**
 * One field of an sObject, with the describe attributes the emulator enforces and reports. Immutable and
 * thread-safe; built with {@link #builder(String, FieldType)}.
 */
public final class FieldDef {

    private final String name;
    private final String label;
    private final FieldType type;
    private final int length;
    private final int precision;
    private final int scale;
    private final boolean nillable;
    private final boolean createable;
    private final boolean updateable;
    private final boolean unique;
    private final boolean externalId;
    private final boolean idLookup;
    private final boolean nameField;
    private final boolean caseSensitive;
    private final boolean autoNumber;
    private final boolean calculated;
    private final boolean custom;
    private final boolean defaultedOnCreate;
    private final Object defaultValue;
    private final List<String> referenceTo;
    private final String relationshipName;
    private final String childRelationshipName;
    private final boolean cascadeDelete;
    private final List<String> picklistValues;
    private final boolean restrictedPicklist;

    private FieldDef(Builder b) {
        this.name = b.name;
        this.label = b.label != null ? b.label : defaultLabel(b.name);
        this.type = b.type;
        this.length = b.length >= 0 ? b.length : defaultLength(b.type);
        this.precision = b.precision;
        this.scale = b.scale;
        this.nillable = b.nillable;
        this.createable = b.createable;
        this.updateable = b.updateable;
        this.unique = b.unique;
        this.externalId = b.externalId;
        this.idLookup = b.idLookup || b.externalId || b.type == FieldType.ID;
        this.nameField = b.nameField;
        this.caseSensitive = b.caseSensitive;
        this.autoNumber = b.autoNumber;
        this.calculated = b.calculated;
        this.custom = b.name.endsWith("__c");
        this.defaultedOnCreate = b.defaultedOnCreate || b.defaultValue != null;
        this.defaultValue = b.defaultValue;
        this.referenceTo = List.copyOf(b.referenceTo);
        this.relationshipName = b.relationshipName;
        this.childRelationshipName = b.childRelationshipName;
        this.cascadeDelete = b.cascadeDelete;
        this.picklistValues = List.copyOf(b.picklistValues);
        this.restrictedPicklist = b.restrictedPicklist;
    }

    /**
     * Starts a field definition.
     *
     * @param name API name, e.g. {@code Amount__c}
     * @param type the field type
     * @return a builder with Salesforce's defaults for a custom, nillable, writable field
     */
    public static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** @return a builder preset with this field's attributes */
    public Builder toBuilder() {
        Builder b = new Builder(name, type);
        b.label = label;
        b.length = length;
        b.precision = precision;
        b.scale = scale;
        b.nillable = nillable;
        b.createable = createable;
        b.updateable = updateable;
        b.unique = unique;
        b.externalId = externalId;
        b.idLookup = idLookup;
        b.nameField = nameField;
        b.caseSensitive = caseSensitive;
        b.autoNumber = autoNumber;
        b.calculated = calculated;
        b.defaultedOnCreate = defaultedOnCreate;
        b.defaultValue = defaultValue;
        b.referenceTo = referenceTo;
        b.relationshipName = relationshipName;
        b.childRelationshipName = childRelationshipName;
        b.cascadeDelete = cascadeDelete;
        b.picklistValues = picklistValues;
        b.restrictedPicklist = restrictedPicklist;
        return b;
    }

    public String name() { return name; }
    public String label() { return label; }
    public FieldType type() { return type; }
    public int length() { return length; }
    public int precision() { return precision; }
    public int scale() { return scale; }
    public boolean nillable() { return nillable; }
    public boolean createable() { return createable; }
    public boolean updateable() { return updateable; }
    public boolean unique() { return unique; }
    public boolean externalId() { return externalId; }
    public boolean idLookup() { return idLookup; }
    public boolean nameField() { return nameField; }
    public boolean caseSensitive() { return caseSensitive; }
    public boolean autoNumber() { return autoNumber; }
    public boolean calculated() { return calculated; }
    public boolean custom() { return custom; }
    public boolean defaultedOnCreate() { return defaultedOnCreate; }
    /** @return the value set on create when none is given, or {@code null} */
    public Object defaultValue() { return defaultValue; }
    public List<String> referenceTo() { return referenceTo; }
    /** @return the parent relationship name, e.g. {@code Account} for {@code AccountId}, or {@code null} */
    public String relationshipName() { return relationshipName; }
    /** @return the name of the child relationship this reference creates on its parent, or {@code null} */
    public String childRelationshipName() { return childRelationshipName; }
    public boolean cascadeDelete() { return cascadeDelete; }
    public List<String> picklistValues() { return picklistValues; }
    public boolean restrictedPicklist() { return restrictedPicklist; }

    /** @return whether a create must carry a value for this field ({@code REQUIRED_FIELD_MISSING} otherwise) */
    public boolean requiredOnCreate() {
        return !nillable && createable && !defaultedOnCreate && type != FieldType.BOOLEAN;
    }

    /** @return whether the field can be filtered on in SOQL (long text areas cannot) */
    public boolean filterable() {
        return !(type == FieldType.TEXTAREA && length > 255) && type != FieldType.BASE64;
    }

    /** @return the byte length reported by describe (three bytes per character for text) */
    public int byteLength() {
        return type.isText() || type == FieldType.ID || type == FieldType.REFERENCE ? length * 3 : 0;
    }

    /** @return digits reported by describe for integer types */
    public int digits() {
        return type == FieldType.INT ? (precision > 0 ? precision : 9) : type == FieldType.LONG ? 18 : 0;
    }

    private static String defaultLabel(String apiName) {
        String base = apiName.endsWith("__c") || apiName.endsWith("__e") ? apiName.substring(0, apiName.length() - 3) : apiName;
        return base.replace('_', ' ').trim();
    }

    private static int defaultLength(FieldType type) {
        switch (type) {
            case ID: case REFERENCE: return 18;
            case STRING: case PICKLIST: case COMBOBOX: case URL: case ENCRYPTEDSTRING: return 255;
            case MULTIPICKLIST: return 4099;
            case TEXTAREA: return 32000;
            case PHONE: return 40;
            case EMAIL: return 80;
            case JSON: return 131072;
            default: return 0;
        }
    }

    @Override
    public String toString() {
        return "FieldDef[" + name + ":" + type.wireName() + "]";
    }

    /** Mutable builder of a {@link FieldDef}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private String label;
        private int length = -1;
        private int precision;
        private int scale;
        private boolean nillable = true;
        private boolean createable = true;
        private boolean updateable = true;
        private boolean unique;
        private boolean externalId;
        private boolean idLookup;
        private boolean nameField;
        private boolean caseSensitive;
        private boolean autoNumber;
        private boolean calculated;
        private boolean defaultedOnCreate;
        private Object defaultValue;
        private List<String> referenceTo = List.of();
        private String relationshipName;
        private String childRelationshipName;
        private boolean cascadeDelete;
        private List<String> picklistValues = List.of();
        private boolean restrictedPicklist;

        private Builder(String name, FieldType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
            if (type == FieldType.CURRENCY || type == FieldType.DOUBLE) {
                precision = 18;
                scale = 2;
            } else if (type == FieldType.PERCENT) {
                precision = 3;
            }
        }

        public Builder label(String value) { label = value; return this; }
        public Builder length(int value) { length = value; return this; }
        public Builder precision(int value, int scaleValue) { precision = value; scale = scaleValue; return this; }
        public Builder nillable(boolean value) { nillable = value; return this; }
        /** Marks the field as required on create: not nillable. */
        public Builder required() { nillable = false; return this; }
        public Builder createable(boolean value) { createable = value; return this; }
        public Builder updateable(boolean value) { updateable = value; return this; }
        /** Marks the field as read-only: neither createable nor updateable. */
        public Builder readOnly() { createable = false; updateable = false; return this; }
        public Builder unique(boolean value) { unique = value; return this; }
        public Builder externalId(boolean value) { externalId = value; return this; }
        public Builder idLookup(boolean value) { idLookup = value; return this; }
        public Builder nameField(boolean value) { nameField = value; return this; }
        public Builder caseSensitive(boolean value) { caseSensitive = value; return this; }
        /** Marks the field as an auto-number: read-only, filled on create. */
        public Builder autoNumber() { autoNumber = true; readOnly(); defaultedOnCreate = true; nillable = false; return this; }
        /** Marks the field as computed by the org: read-only. */
        public Builder calculated() { calculated = true; readOnly(); return this; }
        public Builder defaultedOnCreate(boolean value) { defaultedOnCreate = value; return this; }
        public Builder defaultValue(Object value) { defaultValue = value; return this; }
        /**
         * Makes this a lookup.
         *
         * @param relationship the parent relationship name ({@code Account} for {@code AccountId})
         * @param childRelationship the child relationship name on the parent ({@code Contacts}), or {@code null}
         * @param targets the objects it can point to
         * @return this builder
         */
        public Builder references(String relationship, String childRelationship, String... targets) {
            relationshipName = relationship;
            childRelationshipName = childRelationship;
            referenceTo = List.of(targets);
            return this;
        }
        public Builder referenceTo(List<String> targets) { referenceTo = List.copyOf(targets); return this; }
        public Builder relationshipName(String value) { relationshipName = value; return this; }
        public Builder childRelationshipName(String value) { childRelationshipName = value; return this; }
        public Builder cascadeDelete(boolean value) { cascadeDelete = value; return this; }
        public Builder picklist(String... values) { picklistValues = List.of(values); return this; }
        public Builder picklistValues(List<String> values) { picklistValues = List.copyOf(values); return this; }
        public Builder restrictedPicklist(boolean value) { restrictedPicklist = value; return this; }

        /**
         * @return the field definition
         * @throws IllegalArgumentException if a reference field names no target
         */
        public FieldDef build() {
            if (type == FieldType.REFERENCE && referenceTo.isEmpty()) {
                throw new IllegalArgumentException("reference field " + name + " needs at least one target object");
            }
            return new FieldDef(this);
        }
    }
}
