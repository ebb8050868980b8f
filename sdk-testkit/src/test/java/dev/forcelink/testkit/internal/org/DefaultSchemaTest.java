package dev.forcelink.testkit.internal.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultSchemaTest {

    private final OrgSchema schema = DefaultSchema.create();

    @Test
    void standardObjectsHaveSalesforceKeyPrefixes() {
        assertThat(schema.find("Account").keyPrefix()).isEqualTo("001");
        assertThat(schema.find("Contact").keyPrefix()).isEqualTo("003");
        assertThat(schema.find("Lead").keyPrefix()).isEqualTo("00Q");
        assertThat(schema.find("Opportunity").keyPrefix()).isEqualTo("006");
        assertThat(schema.find("Case").keyPrefix()).isEqualTo("500");
        assertThat(schema.find("Order").keyPrefix()).isEqualTo("801");
        assertThat(schema.find("User").keyPrefix()).isEqualTo("005");
        assertThat(schema.find("Order_Event__e").keyPrefix()).isEqualTo("e00");
        assertThat(schema.objectOf("0015g000000000001AAA").name()).isEqualTo("Account");
    }

    @Test
    void commonFieldsExternalIdsAndTheOrderEvent() {
        FieldDef erp = schema.find("Contact").field("External_ERP_Id__c");
        assertThat(erp.externalId()).isTrue();
        assertThat(erp.unique()).isTrue();
        assertThat(schema.find("Opportunity").field("StageName").picklistValues()).contains("Closed Won");
        assertThat(schema.find("Account").field("billingcity").name()).isEqualTo("BillingCity");
        assertThat(schema.find("Account").hasOwner()).isTrue();
        assertThat(schema.find("User").hasOwner()).isFalse();
        SObjectDef event = schema.find("Order_Event__e");
        assertThat(event.storable()).isFalse();
        assertThat(event.field("Amount__c").type()).isEqualTo(FieldType.DOUBLE);
        assertThat(event.field("Opportunity_Id__c").type()).isEqualTo(FieldType.STRING);
        assertThat(event.field("Status__c").type()).isEqualTo(FieldType.STRING);
    }

    @Test
    void childRelationshipsComeFromLookups() {
        assertThat(schema.childRelationships("Account")).extracting(ChildRelationship::relationshipName)
                .contains("Contacts", "Opportunities", "Cases", "Orders", "ChildAccounts");
        assertThat(schema.find("Contact").field("AccountId").relationshipName()).isEqualTo("Account");
    }

    @Test
    void customObjectsAndEventsGetTheNextPrefixes() {
        assertThat(schema.declareCustomObject("A__c", null, null, false, java.util.List.of()).keyPrefix())
                .isEqualTo("a00");
        assertThat(schema.declareCustomObject("B__c", null, null, true, java.util.List.of()).keyPrefix())
                .isEqualTo("a01");
        assertThat(schema.find("B__c").field("Name").autoNumber()).isTrue();
        assertThat(schema.declarePlatformEvent("C__e", null, java.util.List.of()).keyPrefix()).isEqualTo("e01");
    }
}
