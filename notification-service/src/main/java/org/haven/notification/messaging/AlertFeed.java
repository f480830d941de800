package org.haven.notification.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.haven.notification.domain.AlertChanged;

/**
 * Committed alert changes for the live alerts page (SSE), from every replica: {@link AlertChangeRelay}
 * passes on what the database announced once the change committed. It carries what changed, not the
 * alert: the page reads the alert through its own scoped API, so the stream can never show more than that.
 */
@ApplicationScoped
public class AlertFeed {

    private final BroadcastProcessor<AlertChanged> changes = BroadcastProcessor.create();

    void publish(AlertChanged change) {
        changes.onNext(change);
    }

    public Multi<AlertChanged> changes() {
        return changes;
    }
}
