package dev.forcelink.testkit.internal.soql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The flat column list and the slicing hint that flat, large-result consumers (Bulk CSV) read. */
class SoqlPreparedQueryShapeTest {

    private final SampleOrg org = new SampleOrg();
    private final SoqlEngine engine = SoqlEngine.builder().clock(SampleOrg.CLOCK).build();

    private SoqlPreparedQuery prepare(String soql) {
        return engine.prepare(soql, org.catalog);
    }

    @Test
    void columnPathsFollowSelectOrderEvenWhenParentFieldsAreInterleaved() {
        assertThat(prepare("SELECT account.name, LastName, Account.Owner.Name, c.Account.Industry FROM Contact c")
                .columnPaths()).containsExactly("Account.Name", "LastName", "Account.Owner.Name", "Account.Industry");
        assertThat(prepare("SELECT c.FirstName, Id FROM Contact c").columnPaths()).containsExactly("FirstName", "Id");
    }

    @Test
    void aggregatesHaveNoColumnsAndSubqueriesAreReported() {
        assertThat(prepare("SELECT COUNT() FROM Account").columnPaths()).isEmpty();
        SoqlPreparedQuery nested = prepare("SELECT Name, (SELECT LastName FROM Contacts) FROM Account");
        assertThat(nested.hasChildSubqueries()).isTrue();
        assertThat(nested.columnPaths()).containsExactly("Name", "Contacts");
        assertThat(prepare("SELECT Name FROM Account").hasChildSubqueries()).isFalse();
    }

    @Test
    void onlyUnorderedUnlimitedRowQueriesAreSliceable() {
        assertThat(prepare("SELECT Name FROM Account WHERE Industry = 'Energy'").isSliceable()).isTrue();
        assertThat(prepare("SELECT Name FROM Account ORDER BY Name").isSliceable()).isFalse();
        assertThat(prepare("SELECT Name FROM Account LIMIT 5").isSliceable()).isFalse();
        assertThat(prepare("SELECT Name FROM Account OFFSET 5").isSliceable()).isFalse();
        assertThat(prepare("SELECT COUNT() FROM Account").isSliceable()).isFalse();
    }
}
