package dev.forcelink.testkit.internal.rest.describe;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DescribeResourceTest {

    private static SalesforceEmulator emulator;
    private static RestCalls rest;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start();
        rest = new RestCalls(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void describeGlobalListsObjectsWithFlagsAndUrls() {
        JsonNode global = json(rest.get("/services/data/v60.0/sobjects"));
        assertThat(global.get("encoding").asText()).isEqualTo("UTF-8");
        assertThat(global.get("maxBatchSize").asInt()).isEqualTo(200);
        JsonNode account = null;
        for (JsonNode sobject : global.get("sobjects")) {
            if (sobject.get("name").asText().equals("Account")) {
                account = sobject;
            }
        }
        assertThat(account).isNotNull();
        assertThat(account.get("keyPrefix").asText()).isEqualTo("001");
        assertThat(account.get("queryable").asBoolean()).isTrue();
        assertThat(account.get("urls").get("rowTemplate").asText())
                .isEqualTo("/services/data/v60.0/sobjects/Account/{ID}");
        for (String flag : new String[] {"label", "labelPlural", "custom", "customSetting", "createable",
            "updateable", "deletable", "retrieveable", "searchable", "layoutable", "mergeable", "replicateable",
            "triggerable", "undeletable", "activateable", "deprecatedAndHidden", "feedEnabled", "mruEnabled",
            "hasSubtypes", "isSubtype", "isInterface", "idEnabled", "deepCloneable"}) {
            assertThat(account.has(flag)).as(flag).isTrue();
        }
    }

    @Test
    void describeHasFieldsAndChildRelationships() {
        HttpResponse<String> response = rest.get("/services/data/v60.0/sobjects/Contact/describe");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
        JsonNode describe = json(response);
        JsonNode accountId = field(describe, "AccountId");
        assertThat(accountId.get("type").asText()).isEqualTo("reference");
        assertThat(accountId.get("soapType").asText()).isEqualTo("tns:ID");
        assertThat(accountId.get("referenceTo").toString()).isEqualTo("[\"Account\"]");
        assertThat(accountId.get("relationshipName").asText()).isEqualTo("Account");
        JsonNode erp = field(describe, "External_ERP_Id__c");
        assertThat(erp.get("externalId").asBoolean()).isTrue();
        assertThat(erp.get("unique").asBoolean()).isTrue();
        assertThat(erp.get("idLookup").asBoolean()).isTrue();
        assertThat(erp.get("length").asInt()).isEqualTo(255);
        assertThat(erp.get("custom").asBoolean()).isTrue();
        JsonNode lastName = field(describe, "LastName");
        assertThat(lastName.get("nillable").asBoolean()).isFalse();
        assertThat(field(describe, "CreatedDate").get("createable").asBoolean()).isFalse();
        assertThat(field(describe, "LeadSource").get("picklistValues").get(0).get("active").asBoolean()).isTrue();

        JsonNode account = json(rest.get("/services/data/v60.0/sobjects/Account/describe"));
        boolean contacts = false;
        for (JsonNode child : account.get("childRelationships")) {
            if ("Contacts".equals(child.get("relationshipName").asText(null))) {
                contacts = child.get("childSObject").asText().equals("Contact")
                        && child.get("field").asText().equals("AccountId");
            }
        }
        assertThat(contacts).isTrue();
        assertThat(account.get("urls").get("describe").asText()).isEqualTo("/services/data/v60.0/sobjects/Account/describe");
    }

    @Test
    void ifModifiedSinceAnswers304WhenTheSchemaIsUnchanged() {
        HttpResponse<String> first = rest.get("/services/data/v60.0/sobjects/Account/describe");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        assertThat(rest.get("/services/data/v60.0/sobjects/Account/describe", "If-Modified-Since", lastModified)
                .statusCode()).isEqualTo(304);
        assertThat(rest.get("/services/data/v60.0/sobjects", "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(304);
        assertThat(rest.get("/services/data/v60.0/sobjects/Account/describe", "If-Modified-Since",
                "Mon, 1 Jan 2001 00:00:00 GMT").statusCode()).isEqualTo(200);
    }

    @Test
    void basicInfoAndUnknownObjects() {
        JsonNode info = json(rest.get("/services/data/v60.0/sobjects/Account"));
        assertThat(info.get("objectDescribe").get("name").asText()).isEqualTo("Account");
        assertThat(info.get("recentItems").isArray()).isTrue();
        assertThat(rest.get("/services/data/v60.0/sobjects/Nope__c/describe").statusCode()).isEqualTo(404);
    }

    private static JsonNode field(JsonNode describe, String name) {
        for (JsonNode field : describe.get("fields")) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name);
    }
}
