package dev.forcelink.testkit.internal.fault;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scripted faults waiting for requests. Thread-safe; with no rule registered a lookup costs one volatile read.
 */
public final class FaultRegistry {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    /** @param rule a rule to apply to coming requests, after those already registered */
    public void add(FaultRule rule) {
        rules.add(rule);
    }

    /** Forgets every rule. */
    public void clear() {
        rules.clear();
    }

    /** @return how many injections are still waiting, summed over all rules */
    public int pending() {
        int total = 0;
        for (FaultRule rule : rules) {
            total += rule.remaining();
        }
        return total;
    }

    /**
     * Claims the faults for one request: every matching delay rule adds its latency, the first matching respond
     * or drop rule decides the outcome, and, unless the connection is dropped, the first matching body rule paces
     * the response body. A body rule is left unclaimed for a request whose connection is dropped.
     *
     * @param method request method
     * @param path decoded request path
     * @return the decision, or {@code null} when no fault applies
     */
    public Decision decide(String method, String path) {
        if (rules.isEmpty()) {
            return null;
        }
        Duration delay = Duration.ZERO;
        FaultRule outcome = null;
        for (FaultRule rule : rules) {
            if (rule.kind() == FaultRule.Kind.DELAY) {
                if (rule.claim(method, path)) {
                    delay = delay.plus(rule.delay());
                }
            } else if (rule.kind() != FaultRule.Kind.PACE_BODY && outcome == null && rule.claim(method, path)) {
                outcome = rule;
            }
        }
        BodyPacing pacing = null;
        if (outcome == null || outcome.kind() != FaultRule.Kind.DROP) {
            for (FaultRule rule : rules) {
                if (rule.kind() == FaultRule.Kind.PACE_BODY && rule.claim(method, path)) {
                    pacing = rule.pacing();
                    break;
                }
            }
        }
        rules.removeIf(rule -> rule.remaining() <= 0);
        return delay.isZero() && outcome == null && pacing == null ? null : new Decision(delay, outcome, pacing);
    }

    /**
     * The faults one request gets.
     *
     * @param delay latency to add before anything else
     * @param outcome the respond or drop rule, or {@code null} to handle the request normally
     * @param pacing how to send the response body, or {@code null} to send it at full speed
     */
    public record Decision(Duration delay, FaultRule outcome, BodyPacing pacing) {
    }
}
