package dev.forcelink.testkit.internal.rest.data;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.org.ChangeLogEntry;
import dev.forcelink.testkit.internal.org.ChangeType;
import dev.forcelink.testkit.internal.org.PublishedEvent;
import dev.forcelink.testkit.internal.rest.CapturedRuntimes;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeLogTest {

    private SalesforceEmulator emulator;
    private RestCalls rest;

    @BeforeEach
    void start() {
        emulator = SalesforceEmulator.start();
        rest = new RestCalls(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void everyWriteIsLoggedInOrderWithItsFieldsAndOrigin() {
        String id = rest.create("62.0", "Account", "{\"Name\":\"Logged\"}");
        rest.send("PATCH", "/services/data/v62.0/sobjects/Account/" + id, "{\"Industry\":\"Banking\",\"Name\":\"Logged\"}",
                "Sforce-Call-Options", "client=erp-sync, defaultNamespace=ns");
        rest.send("PATCH", "/services/data/v62.0/sobjects/Account/External_ERP_Id__c/LOG-1", "{\"Name\":\"U\"}");
        rest.send("DELETE", "/services/data/v62.0/sobjects/Account/" + id, null);

        List<ChangeLogEntry> entries = CapturedRuntimes.of(emulator).store().changeLog().entries();

        assertThat(entries).extracting(ChangeLogEntry::changeType)
                .containsExactly(ChangeType.CREATE, ChangeType.UPDATE, ChangeType.CREATE, ChangeType.DELETE);
        assertThat(entries.get(0).changedFields()).contains("Name", "Id", "OwnerId");
        assertThat(entries.get(0).changeOrigin()).isEqualTo("com/salesforce/api/rest/62.0");
        assertThat(entries.get(1).changedFields()).containsExactlyInAnyOrder("Industry", "LastModifiedDate");
        assertThat(entries.get(1).changeOrigin()).isEqualTo("com/salesforce/api/rest/62.0;client=erp-sync");
        assertThat(entries.get(1).commitUser()).isEqualTo(emulator.userId());
        assertThat(entries.get(2).values()).containsEntry("External_ERP_Id__c", "LOG-1");
        assertThat(entries.get(3).recordIds()).containsExactly(id);
        assertThat(entries).extracting(ChangeLogEntry::commitNumber).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void refusedWritesLeaveNoEntry() {
        rest.send("POST", "/services/data/v60.0/sobjects/Account", "{\"Industry\":\"Banking\"}");

        assertThat(CapturedRuntimes.of(emulator).store().changeLog().entries()).isEmpty();
    }

    @Test
    void platformEventsReachEventListenersAndNotTheRecordLog() {
        List<PublishedEvent> events = new CopyOnWriteArrayList<>();
        CapturedRuntimes.of(emulator).store().changeLog().addEventListener(events::add);

        HttpResponse<String> response = rest.send("POST", "/services/data/v60.0/sobjects/Order_Event__e",
                "{\"Status__c\":\"Shipped\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = json(response).get("id").asText();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).id()).isEqualTo(id);
        assertThat(events.get(0).eventName()).isEqualTo("Order_Event__e");
        assertThat(events.get(0).values()).containsEntry("Status__c", "Shipped").containsKey("EventUuid");
        assertThat(events.get(0).createdById()).isEqualTo(emulator.userId());
        assertThat(CapturedRuntimes.of(emulator).store().changeLog().entries()).isEmpty();
        assertThat(rest.send("POST", "/services/data/v60.0/sobjects/Order_Event__e", "{\"Nope__c\":1}").statusCode())
                .isEqualTo(400);
    }
}
