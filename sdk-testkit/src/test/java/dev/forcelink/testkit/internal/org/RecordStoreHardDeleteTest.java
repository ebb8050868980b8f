package dev.forcelink.testkit.internal.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordStoreHardDeleteTest {

    private static final WriteContext USER = WriteContext.of(SalesforceIds.random("005"));

    private final RecordStore store = new RecordStore(DefaultSchema.create(), Clock.systemUTC(),
            new SalesforceIds("5g", 1), 100, new ChangeLog(100));

    @Test
    void hardDeleteBypassesTheRecycleBinAndLogsADelete() {
        String id = store.insert(USER, "Account", Map.of("Name", "Gone", "External_ERP_Id__c", "X-1")).id();

        store.transaction(USER, tx -> tx.hardDelete(id));

        assertThat(store.get(id)).isNull();
        assertThat(store.records("Account", true)).isEmpty();
        assertThat(store.changeLog().entries()).extracting(ChangeLogEntry::changeType)
                .containsExactly(ChangeType.CREATE, ChangeType.DELETE);
        // The unique value is free again.
        assertThat(store.insert(USER, "Account", Map.of("Name", "New", "External_ERP_Id__c", "X-1"))).isNotNull();
    }

    @Test
    void rolledBackHardDeleteRestoresTheLiveRecord() {
        String id = store.insert(USER, "Account", Map.of("Name", "Kept")).id();

        assertThatThrownBy(() -> store.transaction(USER, tx -> {
            tx.hardDelete(id);
            throw new IllegalStateException("abandon");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.get(id)).isNotNull();
        assertThat(store.get(id).isDeleted()).isFalse();
        assertThat(store.count("Account")).isEqualTo(1);
    }
}
