package dev.forcelink.testkit.internal.soql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoqlBindingErrorsTest {
    private static final String FIELD_HINT = "If you are attempting to use a custom field, be sure to append the "
            + "'__c' after the custom field name. Please reference your WSDL or the describe call for the "
            + "appropriate names.";
    private static final String RELATIONSHIP_HINT = "If you are attempting to use a custom relationship, be sure "
            + "to append the '__r' after the custom relationship name. Please reference your WSDL or the describe "
            + "call for the appropriate names.";

    private final SampleOrg org = new SampleOrg();

    @Test
    void unknownFieldIsInvalidFieldWithSalesforcesText() {
        SoqlException e = org.error("SELECT Foo__c FROM Account");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).isEqualTo("\nSELECT Foo__c FROM Account\n       ^\nERROR at Row:1:Column:8\n"
                + "No such column 'Foo__c' on entity 'Account'. " + FIELD_HINT);
    }

    @Test
    void unknownFieldInWhereOrderByAndSubqueryIsInvalidField() {
        assertThat(org.error("SELECT Id FROM Account WHERE Bogus = 1").getMessage())
                .contains("ERROR at Row:1:Column:30\nNo such column 'Bogus' on entity 'Account'.");
        assertThat(org.error("SELECT Id FROM Account ORDER BY Bogus").errorCode())
                .isEqualTo(SoqlErrorCode.INVALID_FIELD);
        assertThat(org.error("SELECT Id, (SELECT Bogus FROM Contacts) FROM Account").getMessage())
                .contains("No such column 'Bogus' on entity 'Contact'.");
    }

    @Test
    void unknownFieldBehindARelationshipNamesTheParentEntity() {
        assertThat(org.error("SELECT Account.Bogus FROM Contact").getMessage())
                .isEqualTo("\nSELECT Account.Bogus FROM Contact\n       ^\nERROR at Row:1:Column:8\n"
                        + "No such column 'Bogus' on entity 'Account'. " + FIELD_HINT);
    }

    @Test
    void unknownRelationshipInAPathIsInvalidField() {
        SoqlException e = org.error("SELECT Acount.Name FROM Contact");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).isEqualTo("\nSELECT Acount.Name FROM Contact\n       ^\nERROR at Row:1:Column:8\n"
                + "Didn't understand relationship 'Acount' in field path. " + RELATIONSHIP_HINT);
    }

    @Test
    void aFieldThatIsNotAReferenceCannotBeFollowed() {
        assertThat(org.error("SELECT Name.Foo FROM Account").getMessage())
                .endsWith("Didn't understand relationship 'Name' in field path. " + RELATIONSHIP_HINT);
    }

    @Test
    void unknownObjectIsInvalidType() {
        SoqlException e = org.error("SELECT Id FROM Foo__c");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.INVALID_TYPE);
        assertThat(e.getMessage()).isEqualTo("\nSELECT Id FROM Foo__c\n               ^\nERROR at Row:1:Column:16\n"
                + "sObject type 'Foo__c' is not supported. If you are attempting to use a custom object, be sure to "
                + "append the '__c' after the entity name. Please reference your WSDL or the describe call for the "
                + "appropriate names.");
    }

    @Test
    void objectThatCannotBeQueriedIsInvalidTypeForOperation() {
        SoqlException e = org.error("SELECT Id FROM setupaudittrail");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.INVALID_TYPE_FOR_OPERATION);
        assertThat(e.getMessage()).endsWith("\nentity type SetupAuditTrail does not support query");
    }

    @Test
    void unknownChildRelationshipIsInvalidType() {
        SoqlException e = org.error("SELECT Id, (SELECT Id FROM Contactz) FROM Account");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.INVALID_TYPE);
        assertThat(e.getMessage()).isEqualTo("\nSELECT Id, (SELECT Id FROM Contactz) FROM Account\n"
                + " ".repeat(27) + "^\nERROR at Row:1:Column:28\nDidn't understand relationship 'Contactz' in "
                + "FROM part of query call. " + RELATIONSHIP_HINT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NumberOfEmployees = '5'|integer and should not be enclosed in quotes",
        "AnnualRevenue > '5'|double and should not be enclosed in quotes",
        "Name = 5|string and should be enclosed in quotes",
        "Industry IN ('a', 5)|string and should be enclosed in quotes",
        "IsActive__c = 'true'|boolean and should not be enclosed in quotes",
        "SLAExpirationDate__c = '2024-01-01'|date and should not be enclosed in quotes",
        "SLAExpirationDate__c = 2024-01-01T00:00:00Z|date and should not be enclosed in quotes",
        "CreatedDate > 2024-01-01|dateTime and should not be enclosed in quotes",
        "CreatedDate > '2024-01-01T00:00:00Z'|dateTime and should not be enclosed in quotes",
        "OwnerId = 5|id and should be enclosed in quotes",
        "Regions__c = TRUE|string and should be enclosed in quotes"})
    void literalOfTheWrongTypeIsInvalidField(String condition, String expected) {
        SoqlException e = org.error("SELECT Id FROM Account WHERE " + condition);

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.INVALID_FIELD);
        String field = condition.substring(0, condition.indexOf(' '));
        assertThat(e.getMessage()).endsWith("\nvalue of filter criterion for field '" + field + "' must be of type "
                + expected);
    }

    @Test
    void typeErrorPointsAtTheValueAndUsesTheCanonicalPath() {
        assertThat(org.error("SELECT Id FROM Contact WHERE account.numberofemployees = 'x'").getMessage())
                .isEqualTo("\nContact WHERE account.numberofemployees = 'x'\n" + " ".repeat(42)
                        + "^\nERROR at Row:1:Column:58\nvalue of filter criterion for field "
                        + "'Account.NumberOfEmployees' must be of type integer and should not be enclosed in quotes");
    }

    @Test
    void malformedIdLiteralIsInvalidQueryFilterOperator() {
        SoqlException e = org.error("SELECT Id FROM Account WHERE Id = 'abc'");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.INVALID_QUERY_FILTER_OPERATOR);
        assertThat(e.getMessage()).endsWith("ERROR at Row:1:Column:35\ninvalid ID field: abc");
    }

    @Test
    void operatorsThatDoNotApplyToTheFieldTypeAreInvalidQueryFilterOperator() {
        assertThat(org.error("SELECT Id FROM Account WHERE Regions__c LIKE 'A%'").getMessage())
                .endsWith("ERROR at Row:1:Column:41\ninvalid operator on multipicklist field");
        assertThat(org.error("SELECT Id FROM Account WHERE Regions__c > 'A'").errorCode())
                .isEqualTo(SoqlErrorCode.INVALID_QUERY_FILTER_OPERATOR);
        assertThat(org.error("SELECT Id FROM Account WHERE Name INCLUDES ('A')").getMessage())
                .endsWith("\nincludes or excludes operator only valid on multipicklist field");
        assertThat(org.error("SELECT Id FROM Account WHERE NumberOfEmployees LIKE '1%'").errorCode())
                .isEqualTo(SoqlErrorCode.INVALID_QUERY_FILTER_OPERATOR);
        assertThat(org.error("SELECT Id FROM Account WHERE IsActive__c > true").errorCode())
                .isEqualTo(SoqlErrorCode.INVALID_QUERY_FILTER_OPERATOR);
    }

    @Test
    void timeFieldsCanOnlyBeComparedWithNull() {
        assertThat(org.ids("SELECT Id FROM Account WHERE OpensAt__c != null")).containsExactly(SampleOrg.A1);
        assertThat(org.error("SELECT Id FROM Account WHERE OpensAt__c = 5").errorCode())
                .isEqualTo(SoqlErrorCode.INVALID_FIELD);
    }

    @Test
    void aggregateNextToAPlainFieldMustBeGrouped() {
        SoqlException e = org.error("SELECT Name, COUNT(Id) FROM Account");

        assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.MALFORMED_QUERY);
        assertThat(e.getMessage()).endsWith("ERROR at Row:1:Column:8\nField must be grouped or aggregated: Name");
    }

    @Test
    void countWithoutArgumentMustStandAlone() {
        assertThat(org.error("SELECT COUNT(), Name FROM Account").errorCode())
                .isEqualTo(SoqlErrorCode.MALFORMED_QUERY);
    }

    @Test
    void parseErrorsComeFromParsingAndSchemaErrorsFromPreparing() {
        SoqlQuery parsed = SoqlParser.parse("SELECT Nope FROM Account");

        assertThat(parsed.fromObject()).isEqualTo("Account");
        try {
            org.engine.prepare(parsed, org.catalog);
            throw new AssertionError("prepare should reject an unknown field");
        } catch (SoqlException e) {
            assertThat(e.errorCode()).isEqualTo(SoqlErrorCode.INVALID_FIELD);
        }
    }
}
