package dev.forcelink.testkit.internal.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlResultBatchTest {

    @Test
    void aFirstBatchKeepsTheFullTotalAndSaysWhereTheRestIs() {
        SoqlResult all = SoqlResult.rows("Contact", rows(5));

        SoqlResult first = all.firstBatch(2, "/services/data/v60.0/query/01gX-2");

        assertThat(first.records()).extracting(SoqlRow::id).containsExactly("c0", "c1");
        assertThat(first.totalSize()).isEqualTo(5);
        assertThat(first.done()).isFalse();
        assertThat(first.nextRecordsUrl()).isEqualTo("/services/data/v60.0/query/01gX-2");
        assertThat(all.done()).isTrue();
        assertThat(all.nextRecordsUrl()).isNull();
    }

    @Test
    void aFirstBatchMustLeaveSomethingForTheContinuation() {
        SoqlResult all = SoqlResult.rows("Contact", rows(3));

        assertThatThrownBy(() -> all.firstBatch(3, "/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 2");
        assertThatThrownBy(() -> all.firstBatch(0, "/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoqlResult.count("Contact", 9).firstBatch(1, "/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COUNT()");
    }

    @Test
    void withValueReplacesOneFieldOfACopy() {
        SoqlRow row = rows(1).get(0);

        SoqlRow changed = row.withValue("LastName", "Other");

        assertThat(changed.get("LastName")).isEqualTo("Other");
        assertThat(changed.id()).isEqualTo("c0");
        assertThat(row.get("LastName")).isEqualTo("L0");
        assertThatThrownBy(() -> row.withValue("Nope", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nope");
    }

    private static List<SoqlRow> rows(int count) {
        List<SoqlRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
            fields.put("LastName", "L" + i);
            rows.add(new SoqlRow("Contact", "c" + i, fields));
        }
        return rows;
    }
}
