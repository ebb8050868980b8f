package dev.forcelink.testkit.internal.soql;

import static dev.forcelink.testkit.internal.soql.SampleOrg.A1;
import static dev.forcelink.testkit.internal.soql.SampleOrg.A2;
import static dev.forcelink.testkit.internal.soql.SampleOrg.A3;
import static dev.forcelink.testkit.internal.soql.SampleOrg.A4;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C1;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C2;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C3;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C4;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SoqlOrderingTest {
    private final SampleOrg org = new SampleOrg();

    @Test
    void withoutOrderByRecordsComeInStoreOrder() {
        assertThat(org.ids("SELECT Id FROM Account")).containsExactly(A1, A2, A3, A4);
    }

    @Test
    void textSortsIgnoringCase() {
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Name")).containsExactly(A1, A2, A3, A4);
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Name DESC")).containsExactly(A4, A3, A2, A1);
    }

    @Test
    void nullsComeFirstAscendingAndLastDescendingByDefault() {
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Industry")).first().isEqualTo(A3);
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Industry ASC")).containsExactly(A3, A2, A1, A4);
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Industry DESC")).containsExactly(A1, A4, A2, A3);
    }

    @Test
    void nullsPlacementCanBeChosen() {
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Industry ASC NULLS LAST")).containsExactly(A2, A1, A4, A3);
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Industry DESC NULLS FIRST"))
                .containsExactly(A3, A1, A4, A2);
    }

    @Test
    void severalKeysBreakTiesInOrder() {
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Industry DESC NULLS LAST, Name DESC"))
                .containsExactly(A4, A1, A2, A3);
        assertThat(org.ids("SELECT Id FROM Account ORDER BY NumberOfEmployees DESC, CreatedDate"))
                .containsExactly(A2, A1, A4, A3);
    }

    @Test
    void numbersDatesAndBooleansSortByValue() {
        assertThat(org.ids("SELECT Id FROM Account ORDER BY AnnualRevenue DESC")).containsExactly(A2, A1, A3, A4);
        assertThat(org.ids("SELECT Id FROM Account ORDER BY CreatedDate")).containsExactly(A3, A2, A1, A4);
        assertThat(org.ids("SELECT Id FROM Account WHERE IsActive__c != null ORDER BY IsActive__c, Name"))
                .containsExactly(A2, A1, A4);
    }

    @Test
    void orderByParentField() {
        assertThat(org.ids("SELECT Id FROM Contact ORDER BY Account.Name DESC NULLS LAST, LastName"))
                .containsExactly(C3, C2, C1, C4);
    }

    @Test
    void limitAndOffsetPageTheOrderedResult() {
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Name LIMIT 2")).containsExactly(A1, A2);
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Name LIMIT 2 OFFSET 1")).containsExactly(A2, A3);
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Name OFFSET 3")).containsExactly(A4);
        assertThat(org.ids("SELECT Id FROM Account ORDER BY Name OFFSET 10")).isEmpty();
        assertThat(org.ids("SELECT Id FROM Account LIMIT 0")).isEmpty();
        assertThat(org.ids("SELECT Id FROM Account LIMIT 3 OFFSET 2")).containsExactly(A3, A4);
    }

    @Test
    void limitWithoutOrderByStopsReadingEarly() {
        AtomicInteger produced = new AtomicInteger();
        SoqlDataSource endless = new SoqlDataSource() {
            @Override
            public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
                return Stream.iterate(0, i -> i + 1).map(i -> {
                    produced.incrementAndGet();
                    return Map.<String, Object>of("Id", SampleOrg.id("001", i), "NumberOfEmployees", (long) i);
                });
            }

            @Override
            public Optional<Map<String, Object>> findById(String objectName, String id) {
                return Optional.empty();
            }
        };
        SoqlPreparedQuery query = org.engine.prepare(
                "SELECT Id FROM Account WHERE NumberOfEmployees >= 10 LIMIT 5 OFFSET 2", org.catalog);

        SoqlResult result = org.engine.execute(query, endless, false);

        assertThat(result.records()).extracting(row -> row.get("Id"))
                .containsExactly(SampleOrg.id("001", 12), SampleOrg.id("001", 13), SampleOrg.id("001", 14),
                        SampleOrg.id("001", 15), SampleOrg.id("001", 16));
        assertThat(produced.get()).isEqualTo(17);
    }

    @Test
    void countHonoursLimitAndOffset() {
        assertThat(org.query("SELECT COUNT() FROM Account").totalSize()).isEqualTo(4);
        assertThat(org.query("SELECT COUNT() FROM Account LIMIT 2").totalSize()).isEqualTo(2);
        assertThat(org.query("SELECT COUNT() FROM Account LIMIT 10 OFFSET 3").totalSize()).isEqualTo(1);
    }

    @Test
    void childrenAreOrderedAndLimitedPerParent() {
        SoqlResult result = org.query(
                "SELECT Id, (SELECT LastName FROM Contacts ORDER BY LastName DESC LIMIT 1) FROM Account WHERE Id = '"
                        + A1 + "'");

        SoqlResult contacts = (SoqlResult) result.records().get(0).get("Contacts");
        assertThat(contacts.records()).extracting(SoqlRow::id).containsExactly(C1);
        assertThat(contacts.totalSize()).isEqualTo(1);
        assertThat(org.ids("SELECT Id FROM Contact WHERE AccountId = '" + A1 + "' ORDER BY LastName"))
                .containsExactly(C2, C1);
    }
}
