package org.haven.notification.messaging;

import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How many due deliveries a sender handles in one transaction. One transaction per delivery cost more than
 * most sends; a batch shares it, but holds its rows until it commits and a crash sends its sent ones again,
 * so it stays small: at most {@link #MAX} deliveries, none started after a send failed or once the batch
 * has taken a send timeout's time, and the transaction may last two send timeouts.
 */
final class SendBatch {

    static final int MAX = 16;
    private static final int TRANSACTION_MARGIN_SECONDS = 30;

    private final long budgetEndsAt;
    private int handled;
    private boolean failed;
    private boolean drained;

    private SendBatch(Duration sendTimeout) {
        this.budgetEndsAt = System.nanoTime() + sendTimeout.toNanos();
    }

    /**
     * Handles due deliveries, longest-waiting first, in the caller's transaction until the batch closes.
     *
     * @param nextDue finds and locks ({@code FOR UPDATE SKIP LOCKED}) the next due delivery's id
     * @param handle  sends it, or moves it on; false when a send failed
     */
    static SendBatch handleDue(Duration sendTimeout, BooleanSupplier running, EntityManager entityManager,
                               Supplier<Optional<UUID>> nextDue, Predicate<UUID> handle) {
        SendBatch batch = new SendBatch(sendTimeout);
        while (batch.open() && running.getAsBoolean()) {
            Optional<UUID> due = nextDue.get();
            if (due.isEmpty()) {
                batch.drained();
            } else {
                batch.handled(handle.test(due.get()));
                // The row stays locked by this transaction, which SKIP LOCKED does not skip: the next look-up
                // must see its new status.
                entityManager.flush();
                // And the next delivery is rendered from rows as committed now, not as this batch first loaded
                // them: an alert acknowledged since its page was sent here names who took charge.
                entityManager.clear();
            }
        }
        return batch;
    }

    static int transactionTimeoutSeconds(Duration sendTimeout) {
        return (int) sendTimeout.multipliedBy(2).toSeconds() + TRANSACTION_MARGIN_SECONDS;
    }

    /** Whether to look for another due delivery. */
    boolean open() {
        return !drained && !failed && handled < MAX && System.nanoTime() - budgetEndsAt < 0;
    }

    void handled(boolean ok) {
        handled++;
        failed |= !ok;
    }

    /** Nothing more was due. */
    void drained() {
        drained = true;
    }

    int handled() {
        return handled;
    }

    /** Whether more may be due: the batch stopped before finding none. */
    boolean more() {
        return !drained && handled > 0;
    }
}
