package dev.forcelink.testkit.internal.soql;

import static dev.forcelink.testkit.internal.soql.SampleOrg.A1;
import static dev.forcelink.testkit.internal.soql.SampleOrg.A2;
import static dev.forcelink.testkit.internal.soql.SampleOrg.A3;
import static dev.forcelink.testkit.internal.soql.SampleOrg.A4;
import static dev.forcelink.testkit.internal.soql.SampleOrg.A5;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C1;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C2;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C3;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C4;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SoqlFilterTest {
    private final SampleOrg org = new SampleOrg();

    @Test
    void equalityOnTextIgnoresCase() {
        assertThat(org.ids("SELECT Id FROM Account WHERE Name = 'ACME'")).containsExactly(A1);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name = 'Initech'")).containsExactly(A3);
    }

    @Test
    void notEqualInBothSpellingsMatchesNullsToo() {
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry != 'Technology'")).containsExactly(A2, A3);
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry <> 'Technology'")).containsExactly(A2, A3);
    }

    @Test
    void nullLiteralTestsForPresence() {
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry = null")).containsExactly(A3);
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry != NULL")).containsExactly(A1, A2, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE NumberOfEmployees > null")).isEmpty();
    }

    @Test
    void numericComparisonsAcrossStoredNumberTypes() {
        assertThat(org.ids("SELECT Id FROM Account WHERE NumberOfEmployees = 100")).containsExactly(A1, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE NumberOfEmployees = 100.0")).containsExactly(A1, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE NumberOfEmployees < 101")).containsExactly(A1, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE NumberOfEmployees <= 100")).containsExactly(A1, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE NumberOfEmployees > 100")).containsExactly(A2);
        assertThat(org.ids("SELECT Id FROM Account WHERE NumberOfEmployees >= 100")).containsExactly(A1, A2, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE AnnualRevenue > 1000000.49")).containsExactly(A1, A2);
        assertThat(org.ids("SELECT Id FROM Account WHERE AnnualRevenue < -1")).isEmpty();
        assertThat(org.ids("SELECT Id FROM Account WHERE AnnualRevenue = 25000000")).containsExactly(A2);
    }

    @Test
    void textOrderingComparisonsIgnoreCase() {
        assertThat(org.ids("SELECT Id FROM Account WHERE Name < 'b'")).containsExactly(A1);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name >= 'I'")).containsExactly(A3, A4);
    }

    @Test
    void booleans() {
        assertThat(org.ids("SELECT Id FROM Account WHERE IsActive__c = TRUE")).containsExactly(A1, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE IsActive__c = false")).containsExactly(A2);
        assertThat(org.ids("SELECT Id FROM Account WHERE IsActive__c != true")).containsExactly(A2, A3);
    }

    @Test
    void inAndNotIn() {
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry IN ('energy', 'Retail')")).containsExactly(A2);
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry IN ('Energy', null)")).containsExactly(A2, A3);
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry NOT IN ('Energy')")).containsExactly(A1, A3, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE NumberOfEmployees IN (5000, 7)")).containsExactly(A2);
        assertThat(org.ids("SELECT Id FROM Account WHERE Id IN ('" + A2 + "', '" + A4 + "')"))
                .containsExactly(A2, A4);
    }

    @Test
    void idsMatchInFifteenAndEighteenCharacterForms() {
        String fifteen = A2.substring(0, 15);
        assertThat(org.ids("SELECT Id FROM Account WHERE Id = '" + fifteen + "'")).containsExactly(A2);
        assertThat(org.ids("SELECT Id FROM Contact WHERE AccountId = '" + fifteen + "'")).containsExactly(C3);
        assertThat(org.ids("SELECT Id FROM Contact WHERE AccountId = null")).containsExactly(C4);
    }

    @Test
    void likeWildcardsIgnoreCase() {
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE 'a%'")).containsExactly(A1);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE '%E%'")).containsExactly(A1, A2, A3, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE 'Glo_ex'")).containsExactly(A2);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE 'Glo_x'")).isEmpty();
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE 'acme'")).containsExactly(A1);
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry LIKE 'tech%'")).containsExactly(A1, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE '%X'")).containsExactly(A2);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE 'u%1%F'")).containsExactly(A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE '%'")).containsExactly(A1, A2, A3, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE ''")).isEmpty();
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry LIKE '%'")).containsExactly(A1, A2, A4);
    }

    @Test
    void likeEscapesMatchWildcardCharactersLiterally() {
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE '%100\\%\\_off'")).containsExactly(A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE '%\\%%'")).containsExactly(A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE '%\\_%'")).containsExactly(A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE 'Acm\\_'")).isEmpty();
    }

    @Test
    void likeTreatsRegexCharactersLiterally() {
        org.records.add("Account", "Id", SampleOrg.id("001", 9), "Name", "a.b*c");
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE 'a.b*c'")).containsExactly(SampleOrg.id("001", 9));
        assertThat(org.ids("SELECT Id FROM Account WHERE Name LIKE 'a.b*'")).isEmpty();
    }

    @Test
    void multiPicklistEqualityIncludesAndExcludes() {
        assertThat(org.ids("SELECT Id FROM Account WHERE Regions__c = 'apac;emea'")).containsExactly(A1);
        assertThat(org.ids("SELECT Id FROM Account WHERE Regions__c = 'APAC'")).containsExactly(A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Regions__c INCLUDES ('APAC')")).containsExactly(A1, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Regions__c includes ('APAC;EMEA', 'AMER')"))
                .containsExactly(A1, A2);
        assertThat(org.ids("SELECT Id FROM Account WHERE Regions__c EXCLUDES ('APAC')")).containsExactly(A2, A3);
    }

    @Test
    void andOrAndParentheses() {
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry = 'Technology' AND NumberOfEmployees = 100"
                + " AND IsActive__c = true")).containsExactly(A1, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name = 'Acme' OR Name = 'Globex' OR Name = 'nobody'"))
                .containsExactly(A1, A2);
        assertThat(org.ids("SELECT Id FROM Account WHERE Name = 'Globex' OR (Industry = 'Technology' AND "
                + "OwnerId = '" + SampleOrg.U2 + "')")).containsExactly(A2, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE (Name = 'Globex' OR Industry = 'Technology') AND "
                + "OwnerId = '" + SampleOrg.U2 + "'")).containsExactly(A4);
    }

    @Test
    void notNegatesAWholeConditionAndMatchesNulls() {
        assertThat(org.ids("SELECT Id FROM Account WHERE NOT Industry = 'Technology'")).containsExactly(A2, A3);
        assertThat(org.ids("SELECT Id FROM Account WHERE NOT (Name = 'Acme' OR Name = 'Globex')"))
                .containsExactly(A3, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE Industry = 'Technology' AND (NOT Name LIKE 'A%')"))
                .containsExactly(A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE NOT Name LIKE 'A%' AND Industry = 'Technology'"))
                .containsExactly(A4);
    }

    @Test
    void filtersFollowParentRelationships() {
        assertThat(org.ids("SELECT Id FROM Contact WHERE Account.Name = 'acme'")).containsExactly(C1, C2);
        assertThat(org.ids("SELECT Id FROM Contact WHERE Account.Owner.Name LIKE 'Ada%'")).containsExactly(C3);
        assertThat(org.ids("SELECT Id FROM Contact WHERE Account.Owner.Manager.Name = 'Bob Boss'"))
                .containsExactly(C1, C2);
        assertThat(org.ids("SELECT Id FROM Contact WHERE Account.Name = null")).containsExactly(C4);
    }

    @Test
    void keywordsAndNamesAreCaseInsensitive() {
        assertThat(org.ids("select id from ACCOUNT where NAME = 'acme' and numberofemployees >= 100 order by name"))
                .containsExactly(A1);
    }

    @Test
    void deletedRecordsOnlyWithQueryAll() {
        assertThat(org.ids("SELECT Id FROM Account")).doesNotContain(A5).hasSize(4);
        assertThat(org.queryAll("SELECT Id FROM Account WHERE Name LIKE 'Deleted%'").records())
                .extracting(SoqlRow::id).containsExactly(A5);
    }

    @Test
    void objectAliasMayPrefixPaths() {
        assertThat(org.ids("SELECT c.Id FROM Contact c WHERE c.Account.Name = 'Globex'")).containsExactly(C3);
    }

    @Test
    void twoHundredThousandRecordsFilterThroughCompiledPredicates() {
        List<Map<String, Object>> accounts = new ArrayList<>(200_000);
        for (int i = 0; i < 200_000; i++) {
            accounts.add(Map.of("Id", SampleOrg.id("001", i), "Name", "Account " + i,
                    "NumberOfEmployees", (long) (i % 1000), "Industry", i % 2 == 0 ? "Technology" : "Energy"));
        }
        SoqlDataSource many = new SoqlDataSource() {
            @Override
            public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
                return accounts.stream();
            }

            @Override
            public Optional<Map<String, Object>> findById(String objectName, String id) {
                return Optional.empty();
            }
        };
        SoqlPreparedQuery query = org.engine.prepare("SELECT Id FROM Account WHERE (Industry = 'technology' AND "
                + "NumberOfEmployees < 10) OR Name LIKE '%99999'", org.catalog);

        SoqlResult result = org.engine.execute(query, many, false);

        // even i with i % 1000 < 10: 5 per thousand = 1,000; plus the odd "Account 99999" and "Account 199999"
        assertThat(result.totalSize()).isEqualTo(1_002);
        assertThat(result.records().get(1_001).id()).isEqualTo(SampleOrg.id("001", 199_999));
    }
}
