package dev.forcelink.testkit.internal.soql;

import static dev.forcelink.testkit.internal.soql.SoqlFieldType.BOOLEAN;
import static dev.forcelink.testkit.internal.soql.SoqlFieldType.DATE;
import static dev.forcelink.testkit.internal.soql.SoqlFieldType.DATETIME;
import static dev.forcelink.testkit.internal.soql.SoqlFieldType.DOUBLE;
import static dev.forcelink.testkit.internal.soql.SoqlFieldType.INTEGER;
import static dev.forcelink.testkit.internal.soql.SoqlFieldType.MULTIPICKLIST;
import static dev.forcelink.testkit.internal.soql.SoqlFieldType.PICKLIST;
import static dev.forcelink.testkit.internal.soql.SoqlFieldType.STRING;
import static dev.forcelink.testkit.internal.soql.SoqlFieldType.TIME;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A small org shared by the engine tests: users, accounts, contacts, opportunities and tasks, with a
 * clock fixed at Wednesday 2024-01-17 12:00 UTC.
 */
final class SampleOrg {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-17T12:00:00Z"), ZoneOffset.UTC);

    static final String U1 = id("005", 1);
    static final String U2 = id("005", 2);
    static final String U3 = id("005", 3);
    static final String A1 = id("001", 1);
    static final String A2 = id("001", 2);
    static final String A3 = id("001", 3);
    static final String A4 = id("001", 4);
    static final String A5 = id("001", 5);
    static final String C1 = id("003", 1);
    static final String C2 = id("003", 2);
    static final String C3 = id("003", 3);
    static final String C4 = id("003", 4);
    static final String C5 = id("003", 5);
    static final String O1 = id("006", 1);
    static final String T1 = id("00T", 1);
    static final String T2 = id("00T", 2);

    final TestCatalog catalog = new TestCatalog();
    final TestRecords records = new TestRecords();
    final SoqlEngine engine = SoqlEngine.builder().clock(CLOCK).build();

    SampleOrg() {
        catalog.object("User").field("Name", STRING).field("Email", STRING).reference("ManagerId", "Manager", "User");
        catalog.object("Account").field("Name", STRING).field("Industry", PICKLIST)
                .field("NumberOfEmployees", INTEGER).field("AnnualRevenue", DOUBLE).field("IsActive__c", BOOLEAN)
                .reference("OwnerId", "Owner", "User").reference("ParentId", "Parent", "Account")
                .field("CreatedDate", DATETIME).field("SLAExpirationDate__c", DATE)
                .field("Regions__c", MULTIPICKLIST).field("OpensAt__c", TIME)
                .child("Contacts", "Contact", "AccountId").child("Opportunities", "Opportunity", "AccountId");
        catalog.object("Contact").field("FirstName", STRING).field("LastName", STRING).field("Email", STRING)
                .reference("AccountId", "Account", "Account").field("Birthdate", DATE);
        catalog.object("Opportunity").field("Name", STRING).field("Amount", DOUBLE).field("CloseDate", DATE)
                .reference("AccountId", "Account", "Account");
        catalog.object("Task").field("Subject", STRING).reference("WhatId", "What", "Account", "Opportunity");
        catalog.object("SetupAuditTrail", false).field("Action", STRING);

        records.add("User", "Id", U1, "Name", "Ada Admin", "Email", "ada@example.com")
                .add("User", "Id", U2, "Name", "Bob Boss")
                .add("User", "Id", U3, "Name", "Cy Clerk", "ManagerId", U2);
        records.add("Account", "Id", A1, "Name", "Acme", "Industry", "Technology", "NumberOfEmployees", 100L,
                        "AnnualRevenue", new BigDecimal("1000000.50"), "IsActive__c", true, "OwnerId", U3,
                        "CreatedDate", Instant.parse("2024-01-15T10:00:00Z"),
                        "SLAExpirationDate__c", LocalDate.parse("2024-02-01"), "Regions__c", "EMEA;APAC",
                        "OpensAt__c", LocalTime.parse("09:00"))
                .add("Account", "Id", A2, "Name", "Globex", "Industry", "Energy", "NumberOfEmployees", 5000L,
                        "AnnualRevenue", 2.5e7, "IsActive__c", false, "OwnerId", U1,
                        "CreatedDate", OffsetDateTime.parse("2024-01-14T23:30:00-02:00"), "Regions__c", "AMER")
                .add("Account", "Id", A3, "Name", "initech", "ParentId", A1,
                        "CreatedDate", Instant.parse("2023-12-31T23:59:59Z"))
                .add("Account", "Id", A4, "Name", "Umbrella 100%_off", "Industry", "Technology",
                        "NumberOfEmployees", 100, "OwnerId", U2, "IsActive__c", true,
                        "CreatedDate", Instant.parse("2024-03-01T00:00:00Z"), "Regions__c", "APAC")
                .add("Account", "Id", A5, "Name", "Deleted Co", "IsDeleted", true);
        records.add("Contact", "Id", C1, "FirstName", "Ann", "LastName", "Lee", "AccountId", A1,
                        "Email", "ann@acme.com", "Birthdate", LocalDate.parse("1990-05-01"))
                .add("Contact", "Id", C2, "FirstName", "Ben", "LastName", "Kim", "AccountId", A1)
                .add("Contact", "Id", C3, "FirstName", "Cat", "LastName", "Ng", "AccountId", A2)
                .add("Contact", "Id", C4, "LastName", "Orphan")
                .add("Contact", "Id", C5, "FirstName", "Dee", "LastName", "Old", "AccountId", A1, "IsDeleted", true);
        records.add("Opportunity", "Id", O1, "Name", "Big Deal", "Amount", 500.0, "AccountId", A2,
                "CloseDate", LocalDate.parse("2024-06-30"));
        records.add("Task", "Id", T1, "Subject", "Call", "WhatId", A1)
                .add("Task", "Id", T2, "Subject", "Follow up", "WhatId", O1);
    }

    /** An 18-character id with the given key prefix. */
    static String id(String prefix, int n) {
        String digits = Integer.toString(n);
        return prefix + "000000000000".substring(digits.length()) + digits + "AAA";
    }

    SoqlResult query(String soql) {
        return engine.execute(engine.prepare(soql, catalog), records, false);
    }

    SoqlResult queryAll(String soql) {
        return engine.execute(engine.prepare(soql, catalog), records, true);
    }

    /** The ids of the result's records, in order. */
    List<String> ids(String soql) {
        List<String> ids = new ArrayList<>();
        query(soql).records().forEach(row -> ids.add(row.id()));
        return ids;
    }

    SoqlException error(String soql) {
        try {
            engine.execute(engine.prepare(soql, catalog), records, false);
        } catch (SoqlException e) {
            return e;
        }
        throw new AssertionError("expected a SoqlException for " + soql);
    }
}
