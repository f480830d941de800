package org.haven.notification.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.haven.notification.domain.AlertChanged;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Committed alert changes for the live alerts page (SSE), from every replica: {@link AlertChangeRelay}
 * passes on what the database announced once the change committed. It carries what changed, not the
 * alert: the page reads the alert through its own scoped API, so the stream can never show more than that.
 */
@ApplicationScoped
public class AlertFeed {

    private final BroadcastProcessor<AlertChanged> changes = BroadcastProcessor.create();
    /** A token's expiry is the identity provider's real time, never the service's own (pinned or shifted) clock. */
    private final Clock tokenClock;

    @Inject
    AlertFeed() {
        this(Clock.systemUTC());
    }

    AlertFeed(Clock tokenClock) {
        this.tokenClock = tokenClock;
    }

    void publish(AlertChanged change) {
        changes.onNext(change);
    }

    public Multi<AlertChanged> changes() {
        return changes;
    }

    /**
     * One subscriber's pings: "changed &lt;alert&gt;" for a change of an alert addressed to {@code personId} at one of
     * {@code sites}, and "ping" every {@code heartbeat}, until {@code until} (when the token that named those sites
     * expires). The first ping due after that ends the stream instead: the browser reconnects with its current
     * session, so a stream never goes on showing what a token no longer allows.
     */
    public Multi<String> pingsFor(String personId, Set<String> sites, Instant until, Duration heartbeat) {
        Set<String> visible = Set.copyOf(sites);
        Multi<String> mine = changes
                .filter(change -> personId.equals(change.recipientId()) && visible.contains(change.siteId()))
                .map(change -> "changed " + change.alertId());
        Multi<String> beats = Multi.createFrom().ticks().every(heartbeat).map(tick -> "ping");
        return Multi.createBy().merging().streams(mine, beats).select().first(ping -> tokenClock.instant().isBefore(until));
    }
}
