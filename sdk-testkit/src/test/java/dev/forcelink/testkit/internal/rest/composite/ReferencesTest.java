package dev.forcelink.testkit.internal.rest.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void resolvesFieldsIndexesAndNestedPathsInTextAndBodies() throws Exception {
        References refs = new References(true);
        refs.add("Q", SubResponse.of(200, JSON.readTree(
                "{\"totalSize\":2,\"records\":[{\"Id\":\"001A\",\"Account\":{\"Name\":\"Acme\"}},{\"Id\":\"001B\"}]}")));

        assertThat(refs.resolveText("/x/@{Q.records[1].Id}?n=@{Q.totalSize}")).isEqualTo("/x/001B?n=2");
        JsonNode body = refs.resolveBody(JSON.readTree(
                "{\"a\":\"@{Q.records[0].Account.Name}\",\"b\":[\"@{Q.records[0].Id}-x\"],\"c\":3}"));
        assertThat(body.toString()).isEqualTo("{\"a\":\"Acme\",\"b\":[\"001A-x\"],\"c\":3}");
    }

    @Test
    void missingPathsFailedSourcesAndNullsBeforeV52AreUnresolved() throws Exception {
        References old = new References(false);
        old.add("R", SubResponse.of(200, JSON.readTree("{\"FirstName\":null,\"Id\":\"003\"}")));
        old.add("F", SubResponse.error(400, "REQUIRED_FIELD_MISSING", "x"));

        assertThatThrownBy(() -> old.resolveText("@{R.records[0].Id}")).isInstanceOf(References.Unresolved.class);
        assertThatThrownBy(() -> old.resolveText("@{F.id}"))
                .hasMessage("Invalid reference specified. No value for F.id found in F.");
        assertThatThrownBy(() -> old.resolveText("@{R.FirstName}")).isInstanceOf(References.Unresolved.class);
        assertThatThrownBy(() -> old.resolveText("@{R}")).isInstanceOf(References.Unresolved.class);

        References current = new References(true);
        current.add("R", SubResponse.of(200, JSON.readTree("{\"FirstName\":null}")));
        assertThat(current.resolveBody(JSON.readTree("{\"FirstName\":\"@{R.FirstName}\"}")).get("FirstName").isNull())
                .isTrue();
    }

    @Test
    void legalReferenceIdsStartAlphanumericAndHoldOnlyWordCharacters() {
        assertThat(References.legal("NewAccount_1")).isTrue();
        assertThat(References.legal("1st")).isTrue();
        assertThat(References.legal("_x")).isFalse();
        assertThat(References.legal("ref[1]")).isFalse();
        assertThat(References.legal("a.b")).isFalse();
    }

    @Test
    void subrequestUrlsDecodeLenientlyAndResolveTheirVersion() {
        SubrequestUrl url = SubrequestUrl.parse(
                "/services/data/v60.0/query?q=SELECT Id FROM Account WHERE Name LIKE 'Ac%' AND Id != '%41'");

        assertThat(url.version()).isEqualTo("60.0");
        assertThat(url.segments()).containsExactly("query");
        assertThat(url.parameter("q")).isEqualTo("SELECT Id FROM Account WHERE Name LIKE 'Ac%' AND Id != 'A'");
        assertThat(SubrequestUrl.parse("/services/data/v10.0/sobjects")).isNull();
        assertThat(SubrequestUrl.parse("/sobjects/Account")).isNull();
        assertThat(SubrequestUrl.parse("/services/data/v60.0/sobjects/Account/Ext__c/a%2Fb").segments())
                .containsExactly("sobjects", "Account", "Ext__c", "a/b");
    }
}
