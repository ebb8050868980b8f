package dev.forcelink.testkit.internal.rest.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.testkit.internal.soql.SoqlRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueryCursorsTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void beforeVersion56IdleCursorsExpireAfter15Minutes() {
        QueryCursors cursors = new QueryCursors(clock, 10, 1000);
        String locator = cursors.open(rows(5), 200, "55.0");

        now.addAndGet(Duration.ofMinutes(10).toMillis());
        assertThat(cursors.find(locator)).isNotNull();
        now.addAndGet(Duration.ofMinutes(14).toMillis());
        assertThat(cursors.find(locator)).isNotNull();
        now.addAndGet(Duration.ofMinutes(16).toMillis());
        assertThat(cursors.find(locator)).isNull();
    }

    @Test
    void fromVersion56CursorsLastTwoDaysHoweverTheyAreUsed() {
        QueryCursors cursors = new QueryCursors(clock, 10, 1000);
        String idle = cursors.open(rows(5), 200, "56.0");
        String busy = cursors.open(rows(5), 200, "65.0");

        now.addAndGet(Duration.ofHours(47).toMillis());
        assertThat(cursors.find(idle)).isNotNull();
        for (int i = 0; i < 10; i++) {
            now.addAndGet(Duration.ofMinutes(5).toMillis());
            assertThat(cursors.find(busy)).isNotNull();
        }
        now.addAndGet(Duration.ofMinutes(11).toMillis());
        assertThat(cursors.find(idle)).isNull();
        assertThat(cursors.find(busy)).isNull();
    }

    @Test
    void leastRecentlyUsedCursorsGoWhenCountOrRowsOverflow() {
        QueryCursors cursors = new QueryCursors(clock, 2, 100);
        String a = cursors.open(rows(10), 200, "65.0");
        String b = cursors.open(rows(10), 200, "65.0");
        cursors.find(a);
        String c = cursors.open(rows(10), 200, "65.0");

        assertThat(cursors.find(b)).isNull();
        assertThat(cursors.find(a)).isNotNull();
        assertThat(cursors.find(c)).isNotNull();

        String big = cursors.open(rows(95), 200, "65.0");
        assertThat(cursors.size()).isEqualTo(1);
        assertThat(cursors.find(big)).isNotNull();
    }

    @Test
    void aParentsNextBatchClosesOnlyItsOwnChildCursors() {
        QueryCursors cursors = new QueryCursors(clock, 10, 10_000);
        String parent = cursors.open(rows(500), 200, "65.0");
        String otherParent = cursors.open(rows(500), 200, "65.0");
        String child = cursors.openChild(parent, rows(300), 200, "65.0");
        String sibling = cursors.openChild(parent, rows(250), 200, "65.0");
        String cousin = cursors.openChild(otherParent, rows(250), 200, "65.0");
        String orphan = cursors.openChild(null, rows(250), 200, "65.0");

        assertThat(cursors.closeChildrenOf(parent)).isEqualTo(2);

        assertThat(cursors.find(child)).isNull();
        assertThat(cursors.find(sibling)).isNull();
        assertThat(cursors.find(parent)).isNotNull();
        assertThat(cursors.find(cousin)).isNotNull();
        assertThat(cursors.find(orphan)).isNotNull();
        assertThat(cursors.closeChildrenOf(child)).isZero();
    }

    @Test
    void closedChildCursorsGiveBackTheirRowBudget() {
        QueryCursors cursors = new QueryCursors(clock, 10, 100);
        String parent = cursors.open(rows(10), 200, "65.0");
        cursors.openChild(parent, rows(80), 200, "65.0");
        cursors.closeChildrenOf(parent);

        String next = cursors.openChild(parent, rows(80), 200, "65.0");

        assertThat(cursors.find(parent)).as("not evicted: the closed child's rows were released").isNotNull();
        assertThat(cursors.find(next)).isNotNull();
    }

    private static CursorRows rows(int count) {
        List<SoqlRow> none = List.of();
        return new CursorRows() {
            @Override
            public int size() {
                return count;
            }

            @Override
            public List<SoqlRow> rows(int from, int to) {
                return none;
            }
        };
    }
}
