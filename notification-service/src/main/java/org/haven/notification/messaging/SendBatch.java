package org.haven.notification.messaging;

import java.time.Duration;

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

    SendBatch(Duration sendTimeout) {
        this.budgetEndsAt = System.nanoTime() + sendTimeout.toNanos();
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
