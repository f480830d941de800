package org.haven.notification.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.haven.notification.domain.AlertChanged;

/**
 * Committed alert changes for the live alerts page (SSE). It carries what changed, not the alert:
 * the page reads the alert through its own scoped API, so the stream can never show more than that.
 * Changes made by another replica reach a page through its periodic refresh.
 */
@ApplicationScoped
public class AlertFeed {

    private final BroadcastProcessor<AlertChanged> changes = BroadcastProcessor.create();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChanged change) {
        changes.onNext(change);
    }

    public Multi<AlertChanged> changes() {
        return changes;
    }
}
