package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.notification.config.AlertEmailConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When to try a failed delivery again: exponential backoff with a ceiling, then no more. */
@ApplicationScoped
public class DeliveryRetryPolicy {

    private final AlertEmailConfig.Retry retry;

    DeliveryRetryPolicy(AlertEmailConfig config) {
        this.retry = config.retry();
    }

    /** The next attempt after {@code failedAttempts} failures, or empty when the delivery should be given up. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        if (failedAttempts >= retry.maxAttempts()) {
            return Optional.empty();
        }
        Duration wait = retry.initialBackoff();
        for (int i = 1; i < failedAttempts && wait.compareTo(retry.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(now.plus(wait.compareTo(retry.maxBackoff()) < 0 ? wait : retry.maxBackoff()));
    }
}
