package dev.forcelink.testkit;

import java.util.List;
import java.util.Objects;

/**
 * A field to declare on an emulated object: its API name, type (a describe type name such as {@code currency},
 * {@code string}, {@code reference}; {@code text} and {@code number} are accepted too) and options. Immutable and
 * thread-safe; made with {@link #builder(String, String)}.
 */
public final class SchemaField {

    private final String name;
    private final String type;
    private final String label;
    private final Integer length;
    private final Integer precision;
    private final Integer scale;
    private final boolean required;
    private final boolean unique;
    private final boolean externalId;
    private final boolean caseSensitive;
    private final List<String> referenceTo;
    private final String relationshipName;
    private final String childRelationshipName;
    private final List<String> picklistValues;
    private final boolean restrictedPicklist;
    private final String defaultValue;

    private SchemaField(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.label = b.label;
        this.length = b.length;
        this.precision = b.precision;
        this.scale = b.scale;
        this.required = b.required;
        this.unique = b.unique;
        this.externalId = b.externalId;
        this.caseSensitive = b.caseSensitive;
        this.referenceTo = List.copyOf(b.referenceTo);
        this.relationshipName = b.relationshipName;
        this.childRelationshipName = b.childRelationshipName;
        this.picklistValues = List.copyOf(b.picklistValues);
        this.restrictedPicklist = b.restrictedPicklist;
        this.defaultValue = b.defaultValue;
    }

    /**
     * Starts a field.
     *
     * @param name the API name, e.g. {@code Amount__c}
     * @param type the describe type, e.g. {@code currency}
     * @return a builder
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(String name, String type) {
        return new Builder(name, type);
    }

    /** @return the API name */
    public String name() { return name; }
    /** @return the type as given */
    public String type() { return type; }
    /** @return the label, or {@code null} to derive one from the name */
    public String label() { return label; }
    /** @return the text length, or {@code null} for the type's default */
    public Integer length() { return length; }
    /** @return the numeric precision, or {@code null} for the default */
    public Integer precision() { return precision; }
    /** @return the numeric scale, or {@code null} for the default */
    public Integer scale() { return scale; }
    /** @return whether a create must set the field */
    public boolean required() { return required; }
    /** @return whether values must be unique */
    public boolean unique() { return unique; }
    /** @return whether the field is an external id (usable for upserts) */
    public boolean externalId() { return externalId; }
    /** @return whether unique comparisons respect case */
    public boolean caseSensitive() { return caseSensitive; }
    /** @return the objects a reference field points to */
    public List<String> referenceTo() { return referenceTo; }
    /** @return the parent relationship name of a reference, e.g. {@code Account__r} */
    public String relationshipName() { return relationshipName; }
    /** @return the child relationship name on the parent, e.g. {@code Invoices__r} */
    public String childRelationshipName() { return childRelationshipName; }
    /** @return the picklist values */
    public List<String> picklistValues() { return picklistValues; }
    /** @return whether only the listed picklist values are accepted */
    public boolean restrictedPicklist() { return restrictedPicklist; }
    /** @return the value set on create when none is given, or {@code null} */
    public String defaultValue() { return defaultValue; }

    @Override
    public String toString() {
        return "SchemaField[" + name + ":" + type + "]";
    }

    /** Mutable builder of a {@link SchemaField}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final String type;
        private String label;
        private Integer length;
        private Integer precision;
        private Integer scale;
        private boolean required;
        private boolean unique;
        private boolean externalId;
        private boolean caseSensitive;
        private List<String> referenceTo = List.of();
        private String relationshipName;
        private String childRelationshipName;
        private List<String> picklistValues = List.of();
        private boolean restrictedPicklist;
        private String defaultValue;

        private Builder(String name, String type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        /**
         * @param value the label
         * @return this builder
         */
        public Builder label(String value) { label = value; return this; }
        /**
         * @param value the maximum text length
         * @return this builder
         */
        public Builder length(int value) { length = value; return this; }
        /**
         * @param totalDigits total digits
         * @param decimalPlaces digits after the decimal point
         * @return this builder
         */
        public Builder precision(int totalDigits, int decimalPlaces) {
            precision = totalDigits;
            scale = decimalPlaces;
            return this;
        }
        /**
         * @param value whether a create must set the field
         * @return this builder
         */
        public Builder required(boolean value) { required = value; return this; }
        /**
         * @param value whether values must be unique
         * @return this builder
         */
        public Builder unique(boolean value) { unique = value; return this; }
        /**
         * @param value whether the field is an external id
         * @return this builder
         */
        public Builder externalId(boolean value) { externalId = value; return this; }
        /**
         * @param value whether unique comparisons respect case
         * @return this builder
         */
        public Builder caseSensitive(boolean value) { caseSensitive = value; return this; }
        /**
         * @param objects the objects a reference points to
         * @return this builder
         */
        public Builder referenceTo(String... objects) { referenceTo = List.of(objects); return this; }
        /**
         * @param value the parent relationship name
         * @return this builder
         */
        public Builder relationshipName(String value) { relationshipName = value; return this; }
        /**
         * @param value the child relationship name on the parent
         * @return this builder
         */
        public Builder childRelationshipName(String value) { childRelationshipName = value; return this; }
        /**
         * @param values picklist values
         * @return this builder
         */
        public Builder picklistValues(String... values) { picklistValues = List.of(values); return this; }
        /**
         * @param value whether only listed values are accepted
         * @return this builder
         */
        public Builder restrictedPicklist(boolean value) { restrictedPicklist = value; return this; }
        /**
         * @param value the value set on create when none is given
         * @return this builder
         */
        public Builder defaultValue(String value) { defaultValue = value; return this; }

        /** @return the field */
        public SchemaField build() {
            return new SchemaField(this);
        }
    }
}
