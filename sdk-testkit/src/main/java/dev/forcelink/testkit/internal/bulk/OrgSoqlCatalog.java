package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.org.ChildRelationship;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.soql.SoqlCatalog;
import dev.forcelink.testkit.internal.soql.SoqlChildRelationship;
import dev.forcelink.testkit.internal.soql.SoqlField;
import dev.forcelink.testkit.internal.soql.SoqlFieldType;
import dev.forcelink.testkit.internal.soql.SoqlObjectSchema;
import java.util.Optional;

/**
 * The org's schema as the SOQL engine sees it. Reads the live schema on every lookup, so objects and fields added
 * later are found. Thread-safe.
 */
final class OrgSoqlCatalog implements SoqlCatalog {

    private final OrgSchema schema;

    OrgSoqlCatalog(OrgSchema schema) {
        this.schema = schema;
    }

    @Override
    public Optional<SoqlObjectSchema> findObject(String name) {
        SObjectDef def = schema.find(name);
        return def == null ? Optional.empty() : Optional.of(new ObjectView(schema, def));
    }

    static SoqlFieldType typeOf(FieldType type) {
        switch (type) {
            case ID: return SoqlFieldType.ID;
            case REFERENCE: return SoqlFieldType.REFERENCE;
            case BOOLEAN: return SoqlFieldType.BOOLEAN;
            case INT: case LONG: return SoqlFieldType.INTEGER;
            case DOUBLE: case CURRENCY: case PERCENT: return SoqlFieldType.DOUBLE;
            case DATE: return SoqlFieldType.DATE;
            case DATETIME: return SoqlFieldType.DATETIME;
            case TIME: return SoqlFieldType.TIME;
            case PICKLIST: return SoqlFieldType.PICKLIST;
            case MULTIPICKLIST: return SoqlFieldType.MULTIPICKLIST;
            default: return SoqlFieldType.STRING;
        }
    }

    private static SoqlField fieldOf(FieldDef field) {
        if (field.type() == FieldType.REFERENCE && field.relationshipName() != null && !field.referenceTo().isEmpty()) {
            return SoqlField.reference(field.name(), field.relationshipName(), field.referenceTo());
        }
        SoqlFieldType type = typeOf(field.type());
        // A reference without a relationship name cannot be traversed; it still reads as an id.
        return SoqlField.of(field.name(), type == SoqlFieldType.REFERENCE ? SoqlFieldType.ID : type);
    }

    /** One object of the org. */
    private static final class ObjectView implements SoqlObjectSchema {
        private final OrgSchema schema;
        private final SObjectDef def;

        ObjectView(OrgSchema schema, SObjectDef def) {
            this.schema = schema;
            this.def = def;
        }

        @Override
        public String name() {
            return def.name();
        }

        @Override
        public boolean queryable() {
            return def.storable();
        }

        @Override
        public Optional<SoqlField> findField(String name) {
            FieldDef field = def.field(name);
            return field == null ? Optional.empty() : Optional.of(fieldOf(field));
        }

        @Override
        public Optional<SoqlField> findParentRelationship(String relationshipName) {
            for (FieldDef field : def.fields()) {
                if (field.type() == FieldType.REFERENCE && relationshipName.equalsIgnoreCase(field.relationshipName())
                        && !field.referenceTo().isEmpty()) {
                    return Optional.of(fieldOf(field));
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<SoqlChildRelationship> findChildRelationship(String relationshipName) {
            for (ChildRelationship child : schema.childRelationships(def.name())) {
                if (child.relationshipName().equalsIgnoreCase(relationshipName)) {
                    return Optional.of(new SoqlChildRelationship(child.relationshipName(), child.childSObject(),
                            child.field()));
                }
            }
            return Optional.empty();
        }
    }
}
