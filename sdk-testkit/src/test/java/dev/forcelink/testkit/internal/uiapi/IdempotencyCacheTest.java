package dev.forcelink.testkit.internal.uiapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdempotencyCacheTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void secondCallReplaysAndConcurrentCallWaitsItsTurn() {
        IdempotencyCache cache = new IdempotencyCache(clock, Duration.ofHours(1), 10);
        byte[] body = bytes("{}");

        assertThat(cache.begin("k", "POST /r", body).outcome()).isEqualTo(IdempotencyCache.Outcome.RUN);
        assertThat(cache.begin("k", "POST /r", body).outcome()).isEqualTo(IdempotencyCache.Outcome.IN_PROGRESS);
        cache.complete("k", "POST /r", new UiResponse(201, bytes("done")));

        IdempotencyCache.Lookup replay = cache.begin("k", "POST /r", body);
        assertThat(replay.outcome()).isEqualTo(IdempotencyCache.Outcome.REPLAY);
        assertThat(new String(replay.response().body(), StandardCharsets.UTF_8)).isEqualTo("done");
        assertThat(cache.begin("k", "POST /r", bytes("{\"x\":1}")).outcome())
                .isEqualTo(IdempotencyCache.Outcome.MISMATCH);
        assertThat(cache.begin("k", "PATCH /r/1", body).outcome()).isEqualTo(IdempotencyCache.Outcome.RUN);
    }

    @Test
    void serverErrorsAndHugeResponsesAreNotKept() {
        IdempotencyCache cache = new IdempotencyCache(clock, Duration.ofHours(1), 10);
        cache.begin("a", "POST /r", bytes(""));
        cache.complete("a", "POST /r", new UiResponse(500, bytes("x")));
        cache.begin("b", "POST /r", bytes(""));
        cache.complete("b", "POST /r", new UiResponse(201, new byte[IdempotencyCache.MAX_BODY_BYTES + 1]));

        assertThat(cache.begin("a", "POST /r", bytes("")).outcome()).isEqualTo(IdempotencyCache.Outcome.RUN);
        assertThat(cache.begin("b", "POST /r", bytes("")).outcome()).isEqualTo(IdempotencyCache.Outcome.RUN);
    }

    @Test
    void entriesExpireAndTheOldestGoFirst() {
        IdempotencyCache cache = new IdempotencyCache(clock, Duration.ofHours(1), 2);
        for (String key : new String[] {"1", "2", "3"}) {
            cache.begin(key, "POST /r", bytes(""));
            cache.complete(key, "POST /r", new UiResponse(201, bytes(key)));
        }
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.begin("1", "POST /r", bytes("")).outcome()).isEqualTo(IdempotencyCache.Outcome.RUN);

        now.addAndGet(Duration.ofHours(2).toMillis());
        assertThat(cache.begin("3", "POST /r", bytes("")).outcome()).isEqualTo(IdempotencyCache.Outcome.RUN);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
