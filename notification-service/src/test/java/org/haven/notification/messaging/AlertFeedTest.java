package org.haven.notification.messaging;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.haven.notification.domain.AlertChanged;
import org.haven.testing.AdjustableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AlertFeedTest {

    private static final Instant SUBSCRIBED = Instant.parse("2026-03-03T15:00:00Z");
    private static final Instant TOKEN_EXPIRES = SUBSCRIBED.plus(Duration.ofMinutes(5));
    /** Only the ping on connecting. */
    private static final Duration NO_HEARTBEAT_IN_THIS_TEST = Duration.ofHours(1);

    private final AdjustableClock clock = new AdjustableClock();
    private final AlertFeed feed = new AlertFeed(clock);

    @Test
    void aSubscriberHearsOnlyChangesOfTheirOwnAlertsAtTheSitesOfTheirToken() {
        clock.pin(SUBSCRIBED);
        AssertSubscriber<String> page = feed.pingsFor("sup-1", Set.of("site-a"), TOKEN_EXPIRES, NO_HEARTBEAT_IN_THIS_TEST)
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        UUID mine = UUID.randomUUID();

        feed.publish(new AlertChanged(UUID.randomUUID(), "site-b", "sup-1"));
        feed.publish(new AlertChanged(UUID.randomUUID(), "site-a", "sup-2"));
        feed.publish(new AlertChanged(mine, "site-a", "sup-1"));

        // The connect ping comes from the ticker's thread; while that thread drains the merge, a change published
        // here is handed on by it a moment later, so wait for both instead of reading at once.
        page.awaitItems(2, Duration.ofSeconds(10));
        assertThat(page.getItems()).filteredOn(ping -> !ping.equals("ping")).containsExactly("changed " + mine);
        page.assertNotTerminated();
    }

    @Test
    void theStreamEndsInsteadOfPassingOnAChangeOnceTheTokenHasExpired() {
        clock.pin(SUBSCRIBED);
        AssertSubscriber<String> page = feed.pingsFor("sup-1", Set.of("site-a"), TOKEN_EXPIRES, NO_HEARTBEAT_IN_THIS_TEST)
                .subscribe().withSubscriber(AssertSubscriber.create(10));

        clock.pin(TOKEN_EXPIRES);
        feed.publish(new AlertChanged(UUID.randomUUID(), "site-a", "sup-1"));

        page.awaitCompletion(Duration.ofSeconds(10));
        assertThat(page.getItems()).noneMatch(ping -> ping.startsWith("changed"));
    }

    @Test
    void aQuietStreamEndsAtTheFirstHeartbeatAfterTheTokenExpired() {
        clock.pin(TOKEN_EXPIRES.plusSeconds(1));
        AssertSubscriber<String> page = feed.pingsFor("sup-1", Set.of("site-a"), TOKEN_EXPIRES, Duration.ofMillis(20))
                .subscribe().withSubscriber(AssertSubscriber.create(10));

        page.awaitCompletion(Duration.ofSeconds(10));
        assertThat(page.getItems()).isEmpty();
    }
}
