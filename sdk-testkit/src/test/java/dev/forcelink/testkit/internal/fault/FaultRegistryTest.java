package dev.forcelink.testkit.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class FaultRegistryTest {

    private static final BiPredicate<String, String> ANY = (method, path) -> true;
    private static final BodyPacing DRIBBLE = BodyPacing.dribble(2, Duration.ofMillis(100));
    private static final BodyPacing STALL = BodyPacing.stall(Duration.ofMillis(100), false);

    private final FaultRegistry registry = new FaultRegistry();

    @Test
    void bodyRuleCombinesWithDelaysAndARespondRule() {
        registry.add(FaultRule.paceBody(ANY, "any", 1, DRIBBLE));
        registry.add(FaultRule.delay(ANY, "any", 1, Duration.ofMillis(50)));
        registry.add(FaultRule.respond(ANY, "any", 1, 503, "[]"));

        FaultRegistry.Decision decision = registry.decide("GET", "/x");

        assertThat(decision.delay()).isEqualTo(Duration.ofMillis(50));
        assertThat(decision.outcome().status()).isEqualTo(503);
        assertThat(decision.pacing()).isSameAs(DRIBBLE);
        assertThat(registry.pending()).isZero();
    }

    @Test
    void theFirstMatchingBodyRuleWinsAndTheOtherWaits() {
        registry.add(FaultRule.paceBody((method, path) -> path.equals("/other"), "/other", 1, DRIBBLE));
        registry.add(FaultRule.paceBody(ANY, "any", 1, STALL));
        registry.add(FaultRule.paceBody(ANY, "any", 1, DRIBBLE));

        assertThat(registry.decide("GET", "/x").pacing()).isSameAs(STALL);
        assertThat(registry.decide("GET", "/x").pacing()).isSameAs(DRIBBLE);
        assertThat(registry.decide("GET", "/x")).isNull();
        assertThat(registry.pending()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionLeavesTheBodyRuleForTheNextRequest() {
        registry.add(FaultRule.drop(ANY, "any", 1));
        registry.add(FaultRule.paceBody(ANY, "any", 1, DRIBBLE));

        FaultRegistry.Decision dropped = registry.decide("GET", "/x");
        FaultRegistry.Decision next = registry.decide("GET", "/x");

        assertThat(dropped.outcome().kind()).isEqualTo(FaultRule.Kind.DROP);
        assertThat(dropped.pacing()).isNull();
        assertThat(next.outcome()).isNull();
        assertThat(next.pacing()).isSameAs(DRIBBLE);
    }

    @Test
    void aBodyRuleIsNeverTakenForTheOutcome() {
        registry.add(FaultRule.paceBody(ANY, "any", 1, STALL));
        registry.add(FaultRule.respond(ANY, "any", 1, 500, ""));

        FaultRegistry.Decision decision = registry.decide("GET", "/x");

        assertThat(decision.outcome().kind()).isEqualTo(FaultRule.Kind.RESPOND);
        assertThat(decision.pacing()).isSameAs(STALL);
    }
}
