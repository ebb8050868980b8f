package dev.forcelink.testkit;

import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldValues;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.OrgSchema;
import java.util.ArrayList;
import java.util.List;

/** Adds the objects and fields of {@link EmulatorSchema}s to an org's schema. Stateless. */
final class SchemaApplier {

    private SchemaApplier() {
    }

    static void apply(EmulatorSchema addition, OrgSchema schema) {
        for (EmulatorSchema.ObjectDeclaration object : addition.objects()) {
            List<FieldDef> fields = new ArrayList<>();
            for (SchemaField field : object.fields) {
                fields.add(toFieldDef(object.name, field));
            }
            try {
                if (schema.find(object.name) != null) {
                    schema.addFields(object.name, fields);
                } else if (object.name.endsWith("__c")) {
                    schema.declareCustomObject(object.name, object.label, object.labelPlural, object.autoNumberName,
                            fields);
                } else if (object.name.endsWith("__e")) {
                    schema.declarePlatformEvent(object.name, object.label, fields);
                } else {
                    throw new EmulatorException("Unknown object " + object.name + ": custom object names end in __c, "
                            + "platform events in __e; existing objects are " + names(schema));
                }
            } catch (IllegalArgumentException e) {
                throw new EmulatorException("Cannot declare " + object.name + ": " + e.getMessage(), e);
            }
        }
    }

    private static FieldDef toFieldDef(String objectName, SchemaField field) {
        FieldType type;
        try {
            type = FieldType.fromWireName(field.type());
        } catch (IllegalArgumentException e) {
            throw new EmulatorException("Field " + objectName + "." + field.name() + ": " + e.getMessage(), e);
        }
        FieldDef.Builder def = FieldDef.builder(field.name(), type)
                .unique(field.unique())
                .externalId(field.externalId())
                .caseSensitive(field.caseSensitive())
                .picklistValues(field.picklistValues())
                .restrictedPicklist(field.restrictedPicklist());
        if (field.label() != null) {
            def.label(field.label());
        }
        if (field.length() != null) {
            def.length(field.length());
        }
        if (field.precision() != null) {
            def.precision(field.precision(), field.scale() == null ? 0 : field.scale());
        }
        if (field.required()) {
            def.required();
        }
        if (type == FieldType.REFERENCE) {
            if (field.referenceTo().isEmpty()) {
                throw new EmulatorException("Reference field " + objectName + "." + field.name()
                        + " needs \"referenceTo\" naming the parent object");
            }
            String relationship = field.relationshipName() != null ? field.relationshipName()
                    : field.name().endsWith("__c") ? field.name().substring(0, field.name().length() - 3) + "__r"
                    : field.name();
            def.referenceTo(field.referenceTo()).relationshipName(relationship)
                    .childRelationshipName(field.childRelationshipName());
        }
        FieldDef built = def.build();
        if (field.defaultValue() == null) {
            return built;
        }
        try {
            return built.toBuilder().defaultValue(FieldValues.coerce(built, field.defaultValue())).build();
        } catch (DmlException e) {
            throw new EmulatorException("Default value of " + objectName + "." + field.name() + " does not fit: "
                    + e.getMessage(), e);
        }
    }

    private static List<String> names(OrgSchema schema) {
        List<String> names = new ArrayList<>();
        schema.objects().forEach(o -> names.add(o.name()));
        return names;
    }
}
