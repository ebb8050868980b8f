package dev.forcelink.testkit.internal.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordStoreTest {

    private static final String USER = "0055g00000AAAAAAA4";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00.123Z");

    private RecordStore store;
    private WriteContext context;

    @BeforeEach
    void setUp() {
        store = new RecordStore(DefaultSchema.create(), Clock.fixed(NOW, ZoneOffset.UTC), new SalesforceIds("5g", 1),
                50, new ChangeLog(1000));
        context = new WriteContext(USER, "com/salesforce/api/rest/60.0;client=test");
        store.seed(context, "User", USER, Map.of("Username", "u@example.com", "LastName", "Admin", "Alias", "adm",
                "Email", "u@example.com"));
    }

    @Test
    void insertFillsSystemFieldsAndLogsACreate() {
        StoredRecord account = store.insert(context, "account", Map.of("Name", "Acme", "AnnualRevenue", 1200,
                "attributes", Map.of("type", "Account")));

        assertThat(account.id()).startsWith("001").hasSize(18);
        assertThat(account.objectName()).isEqualTo("Account");
        assertThat(account.get("CreatedDate")).isEqualTo(NOW);
        assertThat(account.get("SystemModstamp")).isEqualTo(NOW);
        assertThat(account.get("OwnerId")).isEqualTo(USER);
        assertThat(account.get("CreatedById")).isEqualTo(USER);
        assertThat(account.get("IsDeleted")).isEqualTo(false);
        assertThat(account.get("AnnualRevenue")).isEqualTo(new BigDecimal("1200"));
        List<ChangeLogEntry> log = store.changeLog().entries();
        assertThat(log).singleElement().satisfies(entry -> {
            assertThat(entry.changeType()).isEqualTo(ChangeType.CREATE);
            assertThat(entry.entityName()).isEqualTo("Account");
            assertThat(entry.recordIds()).containsExactly(account.id());
            assertThat(entry.changedFields()).contains("Name", "AnnualRevenue", "CreatedDate");
            assertThat(entry.commitUser()).isEqualTo(USER);
            assertThat(entry.changeOrigin()).isEqualTo("com/salesforce/api/rest/60.0;client=test");
            assertThat(entry.transactionKey()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(entry.sequenceNumber()).isEqualTo(1);
        });
    }

    @Test
    void derivedAndDefaultedFields() {
        StoredRecord contact = store.insert(context, "Contact", Map.of("FirstName", "Ada", "LastName", "Lovelace"));
        StoredRecord lead = store.insert(context, "Lead", Map.of("LastName", "Smith", "Company", "Acme"));
        StoredRecord opportunity = store.insert(context, "Opportunity", Map.of("Name", "Deal",
                "StageName", "Closed Won", "CloseDate", "2025-04-01"));
        StoredRecord kase = store.insert(context, "Case", Map.of("Subject", "Broken"));

        assertThat(contact.get("Name")).isEqualTo("Ada Lovelace");
        assertThat(lead.get("Status")).isEqualTo("Open - Not Contacted");
        assertThat(opportunity.get("IsWon")).isEqualTo(true);
        assertThat(opportunity.get("CloseDate")).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(kase.get("CaseNumber")).isEqualTo("00000001");
        assertThat(kase.get("Status")).isEqualTo("New");
    }

    @Test
    void refusesWhatSalesforceRefuses() {
        assertDml(() -> store.insert(context, "Account", Map.of()), "REQUIRED_FIELD_MISSING", "[Name]");
        assertDml(() -> store.insert(context, "Account", Map.of("Name", "A", "Colour__c", "red")), "INVALID_FIELD",
                "No such column 'Colour__c' on sobject of type Account");
        assertDml(() -> store.insert(context, "Account", Map.of("Name", "A", "CreatedDate", "2020-01-01")),
                "INVALID_FIELD_FOR_INSERT_UPDATE", "CreatedDate");
        assertDml(() -> store.insert(context, "Widget", Map.of()), "INVALID_TYPE", "'Widget'");
        assertDml(() -> store.insert(context, "Account", Map.of("Name", "x".repeat(256))), "STRING_TOO_LONG",
                "max length=255");
        assertDml(() -> store.insert(context, "Contact", Map.of("LastName", "L", "AccountId", "001000000000000")),
                "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
        assertDml(() -> store.insert(context, "Contact", Map.of("LastName", "L", "AccountId", "nope")),
                "MALFORMED_ID", "id value of incorrect type");
        assertDml(() -> store.insert(context, "Contact", Map.of("LastName", "L", "Email", "not-an-email")),
                "INVALID_EMAIL_ADDRESS", "not-an-email");
        assertDml(() -> store.insert(context, "Opportunity", Map.of("Name", "D", "StageName", "Prospecting",
                "CloseDate", "tomorrow")), "INVALID_TYPE_ON_FIELD_IN_RECORD", "Close Date");
        assertThat(store.changeLog().entries()).isEmpty();
    }

    @Test
    void externalIdsAreUniqueIgnoringCaseAndFindable() {
        StoredRecord first = store.insert(context, "Account", Map.of("Name", "A", "External_ERP_Id__c", "ERP-1"));

        assertDml(() -> store.insert(context, "Account", Map.of("Name", "B", "External_ERP_Id__c", "erp-1")),
                "DUPLICATE_VALUE", "duplicates value on record with id: " + first.id());
        assertThat(store.findBy("Account", "external_erp_id__c", "Erp-1")).containsExactly(first);
        assertThat(store.findBy("Account", "Name", "A")).containsExactly(first);

        store.delete(context, first.id());
        assertThat(store.findBy("Account", "External_ERP_Id__c", "ERP-1")).isEmpty();
        assertThat(store.insert(context, "Account", Map.of("Name", "C", "External_ERP_Id__c", "ERP-1"))).isNotNull();
    }

    @Test
    void updateLogsOnlyChangedAndNulledFields() {
        StoredRecord account = store.insert(context, "Account", Map.of("Name", "A", "Phone", "1", "Industry", "Energy"));

        StoredRecord updated = store.update(context, account.id(), Map.of("Phone", "2", "Industry", "Energy",
                "Id", account.id()));
        Map<String, Object> nulling = new java.util.HashMap<>();
        nulling.put("Phone", null);
        store.update(context, account.id(), nulling);

        assertThat(updated.get("Phone")).isEqualTo("2");
        List<ChangeLogEntry> log = store.changeLog().entries();
        assertThat(log.get(1).changeType()).isEqualTo(ChangeType.UPDATE);
        assertThat(log.get(1).changedFields()).containsExactlyInAnyOrder("Phone", "LastModifiedDate");
        assertThat(log.get(1).values()).containsEntry("Phone", "2");
        assertThat(log.get(2).nulledFields()).containsExactly("Phone");
        assertThat(log.get(2).commitNumber()).isGreaterThan(log.get(1).commitNumber());
        assertDml(() -> store.update(context, account.id(), Map.of("IsDeleted", true)),
                "INVALID_FIELD_FOR_INSERT_UPDATE", "IsDeleted");
        Map<String, Object> noName = new java.util.HashMap<>();
        noName.put("Name", null);
        assertDml(() -> store.update(context, account.id(), noName), "REQUIRED_FIELD_MISSING", "Name");
    }

    @Test
    void softDeleteKeepsTheRecordForQueryAllAndUndeleteRestoresIt() {
        StoredRecord account = store.insert(context, "Account", Map.of("Name", "A"));

        store.delete(context, account.id());

        assertThat(store.get(account.id()).isDeleted()).isTrue();
        assertThat(store.records("Account", false)).isEmpty();
        assertThat(store.records("Account", true)).extracting(StoredRecord::id).containsExactly(account.id());
        assertDml(() -> store.delete(context, account.id()), "ENTITY_IS_DELETED", "entity is deleted");
        assertDml(() -> store.update(context, account.id(), Map.of("Name", "B")), "ENTITY_IS_DELETED", "deleted");

        store.transaction(context, tx -> tx.undelete(account.id()));

        assertThat(store.records("Account", false)).hasSize(1);
        assertThat(store.changeLog().entries()).extracting(ChangeLogEntry::changeType)
                .containsExactly(ChangeType.CREATE, ChangeType.DELETE, ChangeType.UNDELETE);
    }

    @Test
    void aFailedTransactionLeavesNoTrace() {
        StoredRecord kept = store.insert(context, "Account", Map.of("Name", "Kept"));

        assertThatThrownBy(() -> store.transaction(context, tx -> {
            tx.insert("Account", Map.of("Name", "Gone", "External_ERP_Id__c", "X"));
            tx.update(kept.id(), Map.of("Name", "Changed"));
            tx.delete(kept.id());
            return tx.insert("Account", Map.of());
        })).isInstanceOf(DmlException.class);

        assertThat(store.records("Account", true)).extracting(StoredRecord::id).containsExactly(kept.id());
        assertThat(store.get(kept.id()).get("Name")).isEqualTo("Kept");
        assertThat(store.findBy("Account", "External_ERP_Id__c", "X")).isEmpty();
        assertThat(store.changeLog().entries()).hasSize(1);
    }

    @Test
    void partialSuccessSharesOneTransactionKey() {
        List<String> errors = new ArrayList<>();
        store.transaction(context, tx -> {
            for (Map<String, Object> values : List.<Map<String, Object>>of(Map.of("Name", "A"), Map.of(),
                    Map.of("Name", "C"))) {
                try {
                    tx.insert("Account", values);
                } catch (DmlException e) {
                    errors.add(e.statusCode());
                }
            }
            return null;
        });

        assertThat(errors).containsExactly("REQUIRED_FIELD_MISSING");
        List<ChangeLogEntry> log = store.changeLog().entries();
        assertThat(log).extracting(ChangeLogEntry::sequenceNumber).containsExactly(1, 2);
        assertThat(log.get(0).transactionKey()).isEqualTo(log.get(1).transactionKey());
        assertThat(log.get(0).commitNumber()).isEqualTo(log.get(1).commitNumber());
    }

    @Test
    void recordCapPurgesDeletedRecordsFirstThenRefuses() {
        List<String> ids = new ArrayList<>();
        for (int i = store.size(); i < store.maxRecords(); i++) {
            ids.add(store.insert(context, "Account", Map.of("Name", "A" + i)).id());
        }
        store.delete(context, ids.get(0));

        StoredRecord extra = store.insert(context, "Account", Map.of("Name", "Extra"));

        assertThat(store.get(ids.get(0))).isNull();
        assertThat(store.get(extra.id())).isNotNull();
        assertDml(() -> store.insert(context, "Account", Map.of("Name", "Too many")), "STORAGE_LIMIT_EXCEEDED",
                "storage limit exceeded");
    }

    @Test
    void listenersHearEachCommittedTransactionInOrder() {
        List<Long> heard = new ArrayList<>();
        Runnable remove = store.changeLog().addListener(entries -> heard.add(entries.get(0).commitNumber()));
        store.insert(context, "Account", Map.of("Name", "A"));
        store.insert(context, "Account", Map.of("Name", "B"));
        remove.run();
        store.insert(context, "Account", Map.of("Name", "C"));

        assertThat(heard).hasSize(2).isSorted();
        assertThat(store.changeLog().entriesAfter(heard.get(0), 10)).hasSize(2);
        assertThat(store.changeLog().lastCommitNumber()).isGreaterThan(heard.get(1));
    }

    private static void assertDml(Runnable write, String statusCode, String messagePart) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(DmlException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(statusCode);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
