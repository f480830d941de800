package org.haven.messaging;

import jakarta.validation.ValidationException;
import org.haven.events.UnreadableEventException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a consumer's effect again while its failure may pass (a database hiccup, a lock timeout), with a doubling
 * pause; what can never succeed (an unreadable event, invalid data) and whatever still fails after the last attempt
 * is thrown, so the channel's dead-letter strategy takes the record.
 */
final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);

    private Retries() {
    }

    static <R> R call(MessagingConfig.Inbox policy, String what, Supplier<R> effect) {
        Duration backoff = policy.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return effect.get();
            } catch (RuntimeException e) {
                if (isPermanent(e) || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                LOG.warnf("%s failed (attempt %d), retrying: %s", what, attempt, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreadableEventException || t instanceof ValidationException || t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
