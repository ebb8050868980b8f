package dev.forcelink.testkit.internal.soql;

import static dev.forcelink.testkit.internal.soql.SampleOrg.A1;
import static dev.forcelink.testkit.internal.soql.SampleOrg.A2;
import static dev.forcelink.testkit.internal.soql.SampleOrg.A3;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C1;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C2;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C3;
import static dev.forcelink.testkit.internal.soql.SampleOrg.C4;
import static dev.forcelink.testkit.internal.soql.SampleOrg.U2;
import static dev.forcelink.testkit.internal.soql.SampleOrg.U3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlProjectionTest {
    private final SampleOrg org = new SampleOrg();

    private SoqlRow single(String soql) {
        List<SoqlRow> rows = org.query(soql).records();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void fieldsComeInSelectOrderUnderCanonicalNames() {
        SoqlRow row = single("SELECT numberofemployees, NAME, id FROM account WHERE Name = 'Acme'");

        assertThat(row.fields().keySet()).containsExactly("NumberOfEmployees", "Name", "Id");
        assertThat(row.fields().values()).containsExactly(100L, "Acme", A1);
        assertThat(row.objectType()).isEqualTo("Account");
        assertThat(row.id()).isEqualTo(A1);
        assertThat(row.isAggregate()).isFalse();
    }

    @Test
    void rowCarriesItsIdEvenWhenIdIsNotSelected() {
        SoqlRow row = single("SELECT Name FROM Account WHERE Name = 'Globex'");

        assertThat(row.fields()).containsOnlyKeys("Name");
        assertThat(row.id()).isEqualTo(A2);
    }

    @Test
    void nullAndMissingFieldsAreOutputAsNull() {
        SoqlRow row = single("SELECT Industry, AnnualRevenue FROM Account WHERE Name = 'initech'");

        assertThat(row.fields()).containsEntry("Industry", null).containsEntry("AnnualRevenue", null).hasSize(2);
    }

    @Test
    void parentFieldsNestUnderTheRelationshipName() {
        SoqlRow row = single("SELECT LastName, account.name, Account.Industry FROM Contact WHERE Id = '" + C3 + "'");

        assertThat(row.fields().keySet()).containsExactly("LastName", "Account");
        SoqlRow account = (SoqlRow) row.get("Account");
        assertThat(account.objectType()).isEqualTo("Account");
        assertThat(account.id()).isEqualTo(A2);
        assertThat(account.fields()).containsExactly(java.util.Map.entry("Name", "Globex"),
                java.util.Map.entry("Industry", "Energy"));
    }

    @Test
    void threeLevelsOfParents() {
        SoqlRow row = single("SELECT Account.Owner.Manager.Name, Account.Owner.Name FROM Contact WHERE Id = '"
                + C1 + "'");

        SoqlRow owner = (SoqlRow) ((SoqlRow) row.get("Account")).get("Owner");
        assertThat(owner.objectType()).isEqualTo("User");
        assertThat(owner.id()).isEqualTo(U3);
        assertThat(owner.fields().keySet()).containsExactly("Manager", "Name");
        assertThat(owner.get("Name")).isEqualTo("Cy Clerk");
        SoqlRow manager = (SoqlRow) owner.get("Manager");
        assertThat(manager.id()).isEqualTo(U2);
        assertThat(manager.fields()).containsOnlyKeys("Name").containsEntry("Name", "Bob Boss");
    }

    @Test
    void emptyLookupsAreNullAtTheLevelWhereTheyBreak() {
        assertThat(single("SELECT Account.Name FROM Contact WHERE Id = '" + C4 + "'").get("Account")).isNull();

        SoqlRow globexContact = single("SELECT Account.Owner.Manager.Name FROM Contact WHERE Id = '" + C3 + "'");
        SoqlRow owner = (SoqlRow) ((SoqlRow) globexContact.get("Account")).get("Owner");
        assertThat(owner.fields()).containsEntry("Manager", null);

        SoqlRow initech = single("SELECT Owner.Name, Parent.Name FROM Account WHERE Id = '" + A3 + "'");
        assertThat(initech.get("Owner")).isNull();
        assertThat(((SoqlRow) initech.get("Parent")).get("Name")).isEqualTo("Acme");
    }

    @Test
    void polymorphicLookupsResolveToTheRecordsActualObject() {
        List<SoqlRow> rows = org.query("SELECT Subject, What.Name FROM Task ORDER BY Subject").records();

        assertThat(rows).extracting(row -> ((SoqlRow) row.get("What")).objectType())
                .containsExactly("Account", "Opportunity");
        assertThat(rows).extracting(row -> ((SoqlRow) row.get("What")).get("Name"))
                .containsExactly("Acme", "Big Deal");
    }

    @Test
    void childSubqueriesNestAResultPerParentAndNullWithoutChildren() {
        List<SoqlRow> rows = org.query("SELECT Name, (SELECT LastName, Account.Name FROM contacts ORDER BY LastName), "
                + "(SELECT Name FROM Opportunities) FROM Account ORDER BY Name").records();

        assertThat(rows.get(0).fields().keySet()).containsExactly("Name", "Contacts", "Opportunities");
        SoqlResult acmeContacts = (SoqlResult) rows.get(0).get("Contacts");
        assertThat(acmeContacts.objectName()).isEqualTo("Contact");
        assertThat(acmeContacts.totalSize()).isEqualTo(2);
        assertThat(acmeContacts.done()).isTrue();
        assertThat(acmeContacts.records()).extracting(SoqlRow::id).containsExactly(C2, C1);
        assertThat(acmeContacts.records().get(0).fields().keySet()).containsExactly("LastName", "Account");
        assertThat(((SoqlRow) acmeContacts.records().get(0).get("Account")).get("Name")).isEqualTo("Acme");
        assertThat(rows.get(0).get("Opportunities")).isNull();
        assertThat(((SoqlResult) rows.get(1).get("Contacts")).records()).extracting(SoqlRow::id)
                .containsExactly(C3);
        assertThat(((SoqlResult) rows.get(1).get("Opportunities")).records()).hasSize(1);
        assertThat(rows.get(2).get("Contacts")).isNull();
    }

    @Test
    void childSubqueryFiltersAndSkipsDeletedChildren() {
        SoqlRow acme = single("SELECT Id, (SELECT Id FROM Contacts WHERE FirstName LIKE 'B%') FROM Account "
                + "WHERE Id = '" + A1 + "'");
        assertThat(((SoqlResult) acme.get("Contacts")).records()).extracting(SoqlRow::id).containsExactly(C2);

        SoqlRow withDeleted = org.queryAll("SELECT Id, (SELECT Id FROM Contacts) FROM Account WHERE Id = '" + A1 + "'")
                .records().get(0);
        assertThat(((SoqlResult) withDeleted.get("Contacts")).totalSize()).isEqualTo(3);
    }

    @Test
    void countReturnsOnlyTheTotal() {
        SoqlResult result = org.query("SELECT COUNT() FROM Contact WHERE Account.Name = 'Acme'");

        assertThat(result.isCount()).isTrue();
        assertThat(result.totalSize()).isEqualTo(2);
        assertThat(result.records()).isEmpty();
        assertThat(result.objectName()).isEqualTo("Contact");
        assertThat(org.engine.prepare("SELECT count() FROM Contact", org.catalog).isCount()).isTrue();
    }

    @Test
    void countOfAFieldIsAnAggregateRow() {
        SoqlResult result = org.query("SELECT COUNT(Id), COUNT(Industry) industries FROM Account");

        assertThat(result.isCount()).isFalse();
        assertThat(result.totalSize()).isEqualTo(1);
        SoqlRow row = result.records().get(0);
        assertThat(row.isAggregate()).isTrue();
        assertThat(row.objectType()).isEqualTo("AggregateResult");
        assertThat(row.id()).isNull();
        assertThat(row.fields()).containsExactly(java.util.Map.entry("expr0", 4),
                java.util.Map.entry("industries", 3));
    }

    @Test
    void valuesAreReturnedAsStored() {
        SoqlRow row = single("SELECT AnnualRevenue, CreatedDate, SLAExpirationDate__c, IsActive__c, Regions__c "
                + "FROM Account WHERE Id = '" + A1 + "'");

        assertThat(row.get("AnnualRevenue")).isEqualTo(new BigDecimal("1000000.50"));
        assertThat(row.get("CreatedDate")).hasToString("2024-01-15T10:00:00Z");
        assertThat(row.get("SLAExpirationDate__c")).hasToString("2024-02-01");
        assertThat(row.get("IsActive__c")).isEqualTo(true);
        assertThat(row.get("Regions__c")).isEqualTo("EMEA;APAC");
    }

    @Test
    void aFieldSelectedTwiceIsOutputOnce() {
        assertThat(single("SELECT Name, name FROM Account WHERE Id = '" + A1 + "'").fields()).containsOnlyKeys("Name");
    }

    @Test
    void preparedQueryRunsAgainAndAgain() {
        SoqlPreparedQuery query = org.engine.prepare("SELECT Id FROM Contact WHERE LastName != 'Orphan'", org.catalog);

        assertThat(query.objectName()).isEqualTo("Contact");
        assertThat(query.query().text()).isEqualTo("SELECT Id FROM Contact WHERE LastName != 'Orphan'");
        assertThat(org.engine.execute(query, org.records, false).totalSize()).isEqualTo(3);
        assertThat(org.engine.execute(query, org.records, true).totalSize()).isEqualTo(4);
    }

    @Test
    void outputIsUnmodifiable() {
        SoqlResult result = org.query("SELECT Name FROM Account");

        assertThatThrownBy(() -> result.records().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.records().get(0).fields().put("Name", "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(org.ids("SELECT Id FROM Contact WHERE Account.Name = 'Acme'")).containsExactly(C1, C2);
    }
}
