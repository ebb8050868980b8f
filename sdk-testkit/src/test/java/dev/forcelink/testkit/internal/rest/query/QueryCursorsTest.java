package dev.forcelink.testkit.internal.rest.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
    void idleCursorsExpire() {
        QueryCursors cursors = new QueryCursors(clock, Duration.ofMinutes(15), 10, 1000);
        String locator = cursors.open(null, false, rows(5), 200);

        now.addAndGet(Duration.ofMinutes(10).toMillis());
        assertThat(cursors.find(locator)).isNotNull();
        now.addAndGet(Duration.ofMinutes(14).toMillis());
        assertThat(cursors.find(locator)).isNotNull();
        now.addAndGet(Duration.ofMinutes(16).toMillis());
        assertThat(cursors.find(locator)).isNull();
    }

    @Test
    void leastRecentlyUsedCursorsGoWhenCountOrRowsOverflow() {
        QueryCursors cursors = new QueryCursors(clock, Duration.ofMinutes(15), 2, 100);
        String a = cursors.open(null, false, rows(10), 200);
        String b = cursors.open(null, false, rows(10), 200);
        cursors.find(a);
        String c = cursors.open(null, false, rows(10), 200);

        assertThat(cursors.find(b)).isNull();
        assertThat(cursors.find(a)).isNotNull();
        assertThat(cursors.find(c)).isNotNull();

        String big = cursors.open(null, false, rows(95), 200);
        assertThat(cursors.size()).isEqualTo(1);
        assertThat(cursors.find(big)).isNotNull();
    }

    private static List<Map<String, Object>> rows(int count) {
        return java.util.Collections.nCopies(count, Map.of("Id", "x"));
    }
}
