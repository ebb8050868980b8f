package dev.forcelink.testkit.internal.rest.search;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchResourceTest {

    private static SalesforceEmulator emulator;
    private static RestCalls rest;
    private static String acme;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start();
        rest = new RestCalls(emulator);
        acme = rest.create("60.0", "Account", "{\"Name\":\"Acme Rockets\",\"Industry\":\"Energy\"}");
        rest.create("60.0", "Account", "{\"Name\":\"Acmeville Bank\",\"Industry\":\"Banking\"}");
        rest.create("60.0", "Account", "{\"Name\":\"Globex\",\"Description\":\"partner of acme\"}");
        rest.create("60.0", "Contact", "{\"LastName\":\"Coyote\",\"Email\":\"wile@acme.example\"}");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void findsWholeWordsIgnoringCaseAcrossReturnedObjects() {
        JsonNode result = json(search("60.0", "FIND {ACME} RETURNING Account(Id, Name ORDER BY Name), Contact(LastName)"));

        assertThat(names(result.get("searchRecords"))).containsExactly("Account:Acme Rockets", "Account:Globex",
                "Contact:Coyote");
        JsonNode first = result.get("searchRecords").get(0);
        assertThat(first.get("attributes").get("url").asText())
                .isEqualTo("/services/data/v60.0/sobjects/Account/" + acme);
    }

    @Test
    void wildcardScopeWhereAndLimit() {
        assertThat(names(json(search("60.0", "FIND {acme*} IN NAME FIELDS RETURNING Account(Name ORDER BY Name)"))
                .get("searchRecords"))).containsExactly("Account:Acme Rockets", "Account:Acmeville Bank");
        assertThat(names(json(search("60.0",
                "FIND {acme*} RETURNING Account(Name WHERE Industry = 'Banking')")).get("searchRecords")))
                .containsExactly("Account:Acmeville Bank");
        assertThat(json(search("60.0", "FIND {acme*} RETURNING Account(Name LIMIT 1)")).get("searchRecords"))
                .hasSize(1);
        assertThat(names(json(search("60.0", "FIND {acme} IN EMAIL FIELDS RETURNING Account(Name), Contact(LastName)"))
                .get("searchRecords"))).containsExactly("Contact:Coyote");
    }

    @Test
    void withoutReturningEveryObjectAnswersWithIdOnly() {
        JsonNode records = json(search("60.0", "FIND {Globex}")).get("searchRecords");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(records.get(0).size()).isEqualTo(2);
    }

    @Test
    void version35AndEarlierAnswerABareArray() {
        JsonNode result = json(search("35.0", "FIND {Globex} RETURNING Account(Name)"));
        assertThat(result.isArray()).isTrue();
        assertThat(result.get(0).get("Name").asText()).isEqualTo("Globex");
    }

    @Test
    void malformedSearchesAnswerMalformedSearch() {
        for (String bad : new String[] {"FIND acme", "FIND {acme} RETURNING", "SELECT Id FROM Account",
            "FIND {acme} IN WRONG FIELDS", "FIND {}"}) {
            HttpResponse<String> response = search("60.0", bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(response).get(0).get("errorCode").asText()).as(bad).isEqualTo("MALFORMED_SEARCH");
        }
        assertThat(json(search("60.0", "FIND {acme} RETURNING Account(Nope__c)")).get(0).get("errorCode").asText())
                .isEqualTo("INVALID_FIELD");
    }

    @Test
    void parameterizedSearchByQueryAndByJson() {
        JsonNode byQuery = json(rest.get("/services/data/v60.0/parameterizedSearch/?q=acme&sobject=Account"
                + "&Account.fields=id,name&Account.limit=10"));
        assertThat(byQuery.get("searchRecords")).hasSize(2);
        assertThat(byQuery.get("searchRecords").get(0).has("Name")).isTrue();

        JsonNode byJson = json(rest.send("POST", "/services/data/v60.0/parameterizedSearch",
                "{\"q\":\"coyote\",\"fields\":[\"Id\"],\"sobjects\":[{\"name\":\"Contact\",\"fields\":[\"LastName\"]}]}"));
        assertThat(names(byJson.get("searchRecords"))).containsExactly("Contact:Coyote");
    }

    @Test
    void searchTextOperators() {
        SearchText text = SearchText.parse("\"acme rockets\" OR globex AND NOT bank");
        assertThat(text.matches("The ACME  Rockets company")).isTrue();
        assertThat(text.matches("globex")).isTrue();
        assertThat(text.matches("globex bank")).isFalse();
        assertThat(text.matches("acmerockets")).isFalse();
        assertThat(SearchText.parse("gl?bex").matches("Globex")).isTrue();
    }

    private static List<String> names(JsonNode records) {
        List<String> names = new ArrayList<>();
        records.forEach(r -> names.add(r.get("attributes").get("type").asText() + ":"
                + (r.has("Name") ? r.get("Name").asText() : r.get("LastName").asText())));
        return names;
    }

    private static HttpResponse<String> search(String version, String sosl) {
        return rest.get("/services/data/v" + version + "/search?q=" + URLEncoder.encode(sosl, StandardCharsets.UTF_8));
    }
}
