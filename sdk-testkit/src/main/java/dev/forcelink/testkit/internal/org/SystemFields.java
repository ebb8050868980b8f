package dev.forcelink.testkit.internal.org;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields that Salesforce adds to every stored object ({@code Id}, audit fields, {@code IsDeleted}) and to
 * platform events. Stateless.
 */
public final class SystemFields {

    /** The audit and identity fields the store maintains itself; no client may write them. */
    public static final List<String> MAINTAINED = List.of("Id", "IsDeleted", "CreatedDate", "CreatedById",
            "LastModifiedDate", "LastModifiedById", "SystemModstamp");

    private SystemFields() {
    }

    /** @return the {@code Id} field, first in every stored object */
    public static FieldDef id() {
        return FieldDef.builder("Id", FieldType.ID).label("Record ID").readOnly().nillable(false)
                .defaultedOnCreate(true).build();
    }

    /** @return {@code OwnerId}, a lookup to User that defaults to the current user */
    public static FieldDef owner() {
        return FieldDef.builder("OwnerId", FieldType.REFERENCE).label("Owner ID").nillable(false)
                .defaultedOnCreate(true).references("Owner", null, "User").build();
    }

    /** @return the audit fields that follow an object's own fields */
    public static List<FieldDef> audit() {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(FieldDef.builder("IsDeleted", FieldType.BOOLEAN).label("Deleted").readOnly().nillable(false)
                .defaultedOnCreate(true).build());
        fields.add(FieldDef.builder("CreatedDate", FieldType.DATETIME).label("Created Date").readOnly()
                .nillable(false).defaultedOnCreate(true).build());
        fields.add(FieldDef.builder("CreatedById", FieldType.REFERENCE).label("Created By ID").readOnly()
                .nillable(false).defaultedOnCreate(true).references("CreatedBy", null, "User").build());
        fields.add(FieldDef.builder("LastModifiedDate", FieldType.DATETIME).label("Last Modified Date").readOnly()
                .nillable(false).defaultedOnCreate(true).build());
        fields.add(FieldDef.builder("LastModifiedById", FieldType.REFERENCE).label("Last Modified By ID")
                .readOnly().nillable(false).defaultedOnCreate(true)
                .references("LastModifiedBy", null, "User").build());
        fields.add(FieldDef.builder("SystemModstamp", FieldType.DATETIME).label("System Modstamp").readOnly()
                .nillable(false).defaultedOnCreate(true).build());
        return fields;
    }

    /** @return the standard fields of a platform event, before its custom fields */
    public static List<FieldDef> platformEvent() {
        return List.of(
                FieldDef.builder("ReplayId", FieldType.STRING).label("Replay ID").readOnly().build(),
                FieldDef.builder("CreatedDate", FieldType.DATETIME).label("Created Date").readOnly()
                        .nillable(false).defaultedOnCreate(true).build(),
                FieldDef.builder("CreatedById", FieldType.REFERENCE).label("Created By ID").readOnly()
                        .nillable(false).defaultedOnCreate(true).references("CreatedBy", null, "User").build(),
                FieldDef.builder("EventUuid", FieldType.STRING).label("Event UUID").length(36).readOnly().build());
    }
}
