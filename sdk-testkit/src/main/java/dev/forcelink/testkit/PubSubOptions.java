package dev.forcelink.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing and retention of the emulator's Pub/Sub API. The defaults are Salesforce's: an empty keepalive response
 * within 270 s, a subscription with nothing requested closed after 60 s without a {@code FetchRequest}, a
 * {@code PublishStream} closed after 70 s without a request, 72 h retention. Tests shorten the intervals.
 *
 * <pre>{@code
 * SalesforceEmulator.builder()
 *         .pubSub(PubSubOptions.builder().keepaliveInterval(Duration.ofMillis(200)).build())
 *         .start();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PubSubOptions {

    private final Duration keepaliveInterval;
    private final Duration idleTimeout;
    private final Duration publishStreamIdleTimeout;
    private final Duration retention;
    private final int maxEventsPerTopic;
    private final int maxChangesPerTransaction;

    private PubSubOptions(Builder b) {
        this.keepaliveInterval = b.keepaliveInterval;
        this.idleTimeout = b.idleTimeout;
        this.publishStreamIdleTimeout = b.publishStreamIdleTimeout;
        this.retention = b.retention;
        this.maxEventsPerTopic = b.maxEventsPerTopic;
        this.maxChangesPerTransaction = b.maxChangesPerTransaction;
    }

    /** @return options with Salesforce's values */
    public static PubSubOptions defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return longest quiet time on a subscription before an empty response carrying its position */
    public Duration keepaliveInterval() {
        return keepaliveInterval;
    }

    /** @return how long a subscription owed no events waits for a {@code FetchRequest} before closing */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return how long a {@code PublishStream} waits for a request before closing */
    public Duration publishStreamIdleTimeout() {
        return publishStreamIdleTimeout;
    }

    /** @return how long events stay replayable, on the emulator's clock */
    public Duration retention() {
        return retention;
    }

    /** @return the most events kept per topic */
    public int maxEventsPerTopic() {
        return maxEventsPerTopic;
    }

    /** @return changes of one transaction beyond this many become {@code GAP_OVERFLOW} change events */
    public int maxChangesPerTransaction() {
        return maxChangesPerTransaction;
    }

    @Override
    public String toString() {
        return "PubSubOptions[keepalive=" + keepaliveInterval + ", idleTimeout=" + idleTimeout
                + ", publishStreamIdleTimeout=" + publishStreamIdleTimeout + ", retention=" + retention
                + ", maxEventsPerTopic=" + maxEventsPerTopic + ", maxChangesPerTransaction="
                + maxChangesPerTransaction + "]";
    }

    /** Builds {@link PubSubOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration keepaliveInterval = Duration.ofSeconds(270);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration publishStreamIdleTimeout = Duration.ofSeconds(70);
        private Duration retention = Duration.ofHours(72);
        private int maxEventsPerTopic = 100_000;
        private int maxChangesPerTransaction = 100_000;

        private Builder() {
        }

        /**
         * @param value longest quiet time before an empty keepalive response (default 270 s)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder keepaliveInterval(Duration value) {
            keepaliveInterval = positive(value, "keepaliveInterval");
            return this;
        }

        /**
         * @param value how long a subscription owed no events waits for a request (default 60 s)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder idleTimeout(Duration value) {
            idleTimeout = positive(value, "idleTimeout");
            return this;
        }

        /**
         * @param value how long a {@code PublishStream} waits for a request (default 70 s)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder publishStreamIdleTimeout(Duration value) {
            publishStreamIdleTimeout = positive(value, "publishStreamIdleTimeout");
            return this;
        }

        /**
         * @param value how long events stay replayable on the emulator's clock (default 72 h)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder retention(Duration value) {
            retention = positive(value, "retention");
            return this;
        }

        /**
         * @param value the most events kept per topic (default 100,000); older ones are dropped and their replay ids
         *     stop working
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxEventsPerTopic(int value) {
            maxEventsPerTopic = atLeastOne(value, "maxEventsPerTopic");
            return this;
        }

        /**
         * @param value changes of one transaction beyond this many become one {@code GAP_OVERFLOW} event per object
         *     (default 100,000)
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxChangesPerTransaction(int value) {
            maxChangesPerTransaction = atLeastOne(value, "maxChangesPerTransaction");
            return this;
        }

        /** @return the options */
        public PubSubOptions build() {
            return new PubSubOptions(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
