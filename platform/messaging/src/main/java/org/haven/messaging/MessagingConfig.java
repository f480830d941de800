package org.haven.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "haven.messaging")
public interface MessagingConfig {

    Outbox outbox();

    Inbox inbox();

    interface Outbox {
        /** Whether this process relays its outbox to Kafka (off only in narrow unit tests). */
        @WithDefault("true")
        boolean relayEnabled();

        /**
         * How long the relay sleeps when no commit woke it. Commits in this process wake it at once;
         * the poll catches rows committed by a process that died before relaying them.
         */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** How long one Kafka send may take before the batch is rolled back and retried. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Sent rows are kept this long for inspection, then deleted. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Inbox {
        /** Attempts for an effect that fails for a reason that may pass (database hiccup, lock timeout). */
        @WithDefault("4")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        /** Processed ids are kept longer than Kafka keeps the events they dedupe. */
        @WithDefault("P30D")
        Duration retention();
    }
}
