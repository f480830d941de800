package org.haven.notification.messaging;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one background thread a sender runs its passes over due deliveries on. Wake-ups that arrive while a
 * pass is already queued fold into it, and a wake-up can wait for the current transaction's commit, so what
 * that transaction recorded goes out at once but never before it is visible to the pass.
 */
final class SendingWorker {

    private static final Logger LOG = Logger.getLogger(SendingWorker.class);

    private final String name;
    private final Runnable pass;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile ExecutorService executor;

    SendingWorker(String name, Runnable pass) {
        this.name = name;
        this.pass = pass;
    }

    void start() {
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        wake();
    }

    /** Stops taking passes and lets the one under way finish its send (at most {@code drain}). */
    void stop(Duration drain) {
        ExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(drain.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean running() {
        return executor != null;
    }

    /** Queues one pass; a pass already queued covers this call too. */
    void wake() {
        ExecutorService running = executor;
        if (running != null && queued.compareAndSet(false, true)) {
            running.execute(() -> {
                queued.set(false);
                try {
                    pass.run();
                } catch (RuntimeException e) {
                    LOG.warnf("%s stopped a pass, the next one retries: %s", name, e.getMessage());
                }
            });
        }
    }

    void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }
}
