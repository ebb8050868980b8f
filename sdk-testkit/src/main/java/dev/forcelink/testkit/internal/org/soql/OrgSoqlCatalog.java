package dev.forcelink.testkit.internal.org.soql;

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
 * The org's schema as the SOQL engine sees it: every field of each object (system fields included), parent
 * relationships from reference fields and child relationships from the lookups that name one. Platform events
 * are not queryable. Reads the live schema on each lookup, so fields added later are seen. The one adapter of the
 * org's schema to SOQL, shared by the REST query and search resources and Bulk API query jobs, so that a query
 * binds the same way whichever API runs it.
 *
 * <p>Thread-safe.
 */
public final class OrgSoqlCatalog implements SoqlCatalog {

    private final OrgSchema schema;

    /** @param schema the org's schema */
    public OrgSoqlCatalog(OrgSchema schema) {
        this.schema = schema;
    }

    @Override
    public Optional<SoqlObjectSchema> findObject(String name) {
        SObjectDef def = schema.find(name);
        return def == null ? Optional.empty() : Optional.of(new ObjectView(def));
    }

    /**
     * @param field a field of the org
     * @return how the SOQL engine sees it
     */
    static SoqlField toSoqlField(FieldDef field) {
        if (field.type() == FieldType.REFERENCE && field.relationshipName() != null) {
            return SoqlField.reference(field.name(), field.relationshipName(), field.referenceTo());
        }
        return SoqlField.of(field.name(), soqlType(field.type()));
    }

    private static SoqlFieldType soqlType(FieldType type) {
        switch (type) {
            case ID: case REFERENCE: return SoqlFieldType.ID;
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

    /** One object definition seen through {@link SoqlObjectSchema}; immutable like the definition. */
    private final class ObjectView implements SoqlObjectSchema {
        private final SObjectDef def;

        ObjectView(SObjectDef def) {
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
            return field == null ? Optional.empty() : Optional.of(toSoqlField(field));
        }

        @Override
        public Optional<SoqlField> findParentRelationship(String relationshipName) {
            for (FieldDef field : def.fields()) {
                if (field.type() == FieldType.REFERENCE && relationshipName.equalsIgnoreCase(field.relationshipName())) {
                    return Optional.of(toSoqlField(field));
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
