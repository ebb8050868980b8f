package dev.forcelink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.testkit.internal.org.ChildRelationship;
import dev.forcelink.testkit.internal.org.DefaultSchema;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.ObjectKind;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.SObjectDef;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorSchemaTest {

    private static final String SCHEMA = "{\"objects\":["
            + "{\"name\":\"Invoice__c\",\"label\":\"Invoice\",\"labelPlural\":\"Invoices\",\"fields\":["
            + "{\"name\":\"Amount__c\",\"type\":\"currency\",\"precision\":16,\"scale\":2,\"required\":true},"
            + "{\"name\":\"Account__c\",\"type\":\"reference\",\"referenceTo\":[\"Account\"],"
            + "\"childRelationshipName\":\"Invoices__r\"},"
            + "{\"name\":\"Invoice_Key__c\",\"type\":\"text\",\"length\":40,\"externalId\":true,\"unique\":true},"
            + "{\"name\":\"Paid__c\",\"type\":\"boolean\",\"defaultValue\":\"true\"}]},"
            + "{\"name\":\"Account\",\"fields\":[{\"name\":\"Tier__c\",\"type\":\"picklist\","
            + "\"picklistValues\":[\"Gold\",\"Silver\"],\"restrictedPicklist\":true}]},"
            + "{\"name\":\"Shipment_Event__e\",\"fields\":[{\"name\":\"Tracking__c\",\"type\":\"string\"}]}]}";

    @Test
    void fileDeclaresCustomObjectsEventsAndExtraFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema.json");
        Files.writeString(file, SCHEMA);
        OrgSchema schema = DefaultSchema.create();

        SchemaApplier.apply(EmulatorSchema.fromJson(file), schema);

        SObjectDef invoice = schema.find("invoice__c");
        assertThat(invoice.kind()).isEqualTo(ObjectKind.CUSTOM);
        assertThat(invoice.keyPrefix()).isEqualTo("a00");
        assertThat(invoice.labelPlural()).isEqualTo("Invoices");
        assertThat(invoice.fields()).extracting(f -> f.name()).startsWith("Id", "OwnerId", "Name")
                .contains("CreatedDate", "SystemModstamp", "Amount__c", "Account__c");
        assertThat(invoice.field("Amount__c").type()).isEqualTo(FieldType.CURRENCY);
        assertThat(invoice.field("Amount__c").requiredOnCreate()).isTrue();
        assertThat(invoice.field("Amount__c").precision()).isEqualTo(16);
        assertThat(invoice.field("Account__c").relationshipName()).isEqualTo("Account__r");
        assertThat(invoice.field("Invoice_Key__c").externalId()).isTrue();
        assertThat(invoice.field("Invoice_Key__c").idLookup()).isTrue();
        assertThat(invoice.field("Paid__c").defaultValue()).isEqualTo(Boolean.TRUE);
        assertThat(schema.find("Account").field("Tier__c").picklistValues()).containsExactly("Gold", "Silver");
        assertThat(schema.childRelationships("Account"))
                .contains(new ChildRelationship("Invoice__c", "Account__c", "Invoices__r", false));
        SObjectDef event = schema.find("Shipment_Event__e");
        assertThat(event.kind()).isEqualTo(ObjectKind.PLATFORM_EVENT);
        assertThat(event.keyPrefix()).isEqualTo("e01");
        assertThat(event.field("ReplayId")).isNotNull();
    }

    @Test
    void emulatorStartsWithASchemaFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema.json");
        Files.writeString(file, SCHEMA);
        try (SalesforceEmulator emulator = SalesforceEmulator.builder().schema(file)
                .schema(EmulatorSchema.builder().object("Asset__c",
                        SchemaField.builder("Serial__c", "string").externalId(true).build()).build())
                .start()) {
            assertThat(emulator.instanceUrl()).isNotBlank();
        }
    }

    @Test
    void builderMergesFieldsOfTheSameObject() {
        OrgSchema schema = DefaultSchema.create();
        SchemaApplier.apply(EmulatorSchema.builder()
                .object("Contact", SchemaField.builder("Nickname__c", "string").length(30).build())
                .object("Contact", SchemaField.builder("Score__c", "double").precision(5, 1).build())
                .build(), schema);
        assertThat(schema.find("Contact").field("Nickname__c").length()).isEqualTo(30);
        assertThat(schema.find("Contact").field("Score__c").scale()).isEqualTo(1);
    }

    @Test
    void invalidSchemasNameTheProblem() {
        assertThatThrownBy(() -> EmulatorSchema.fromJson("{\"objects\":[{\"name\":\"X__c\",\"colour\":1}]}"))
                .isInstanceOf(EmulatorException.class).hasMessageContaining("unknown key \"colour\"");
        assertThatThrownBy(() -> EmulatorSchema.fromJson("{\"objects\":[{\"fields\":[]}]}"))
                .hasMessageContaining("needs a \"name\"");
        assertThatThrownBy(() -> EmulatorSchema.fromJson("not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SchemaApplier.apply(EmulatorSchema.fromJson(
                "{\"objects\":[{\"name\":\"X__c\",\"fields\":[{\"name\":\"A__c\",\"type\":\"money\"}]}]}"),
                DefaultSchema.create())).hasMessageContaining("Unknown field type 'money'");
        assertThatThrownBy(() -> SchemaApplier.apply(EmulatorSchema.fromJson(
                "{\"objects\":[{\"name\":\"Widget\",\"fields\":[]}]}"), DefaultSchema.create()))
                .hasMessageContaining("custom object names end in __c");
        assertThatThrownBy(() -> SchemaApplier.apply(EmulatorSchema.fromJson(
                "{\"objects\":[{\"name\":\"X__c\",\"fields\":[{\"name\":\"P__c\",\"type\":\"reference\"}]}]}"),
                DefaultSchema.create())).hasMessageContaining("referenceTo");
        assertThatThrownBy(() -> EmulatorSchema.fromJson(Path.of("/no/such/schema.json")))
                .hasMessageContaining("Cannot read the schema file");
    }
}
