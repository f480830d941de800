package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.CheckInDue;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measures, from the delivery log, how long a notice takes from the event being consumed (the notice
 * recorded) to the SMTP server accepting its email, and from publishing the event to that acceptance.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class NoticeLatencyTest {

    private static final int NOTICES = 20;

    @Inject
    Directory directory;

    @Test
    void noticeEmailIsAcceptedBySmtpWithinSecondsOfTheEventBeingConsumed() {
        Team team = Team.create(directory);
        Team.Member ana = team.staff().get(0);
        // one warm-up notice, not measured
        EventFeed.publish(checkInDue(team, ana));
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(ana.email()).size() == 1);

        Instant published = TestTime.now();
        for (int i = 0; i < NOTICES; i++) {
            EventFeed.publish(checkInDue(team, ana));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.to(ana.email()).size() == NOTICES + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sent(ana, team).size() == NOTICES + 1);

        List<Map<String, Object>> measured = sent(ana, team).subList(0, NOTICES);
        long[] consumedToSmtp = measured.stream().mapToLong(d -> Duration.between(Instant.parse((String) d.get("createdAt")),
                Instant.parse((String) d.get("sentAt"))).toMillis()).sorted().toArray();
        long lastAccepted = measured.stream().mapToLong(d -> Instant.parse((String) d.get("sentAt")).toEpochMilli()).max().orElseThrow();
        System.out.printf("Notice latency, event consumed -> email accepted by SMTP, %d notices: p50 %d ms, p95 %d ms, max %d ms; "
                        + "all %d published -> last accepted %d ms%n", NOTICES, consumedToSmtp[NOTICES / 2],
                consumedToSmtp[(int) Math.ceil(NOTICES * 0.95) - 1], consumedToSmtp[NOTICES - 1], NOTICES, lastAccepted - published.toEpochMilli());
        assertThat(consumedToSmtp[NOTICES - 1]).isLessThan(10_000);
    }

    private static EventEnvelope checkInDue(Team team, Team.Member member) {
        return EventFeed.event(HavenEvents.CHECK_IN_DUE, member.id(),
                new CheckInDue(UUID.randomUUID(), member.id(), team.siteId(), "SELF_CHECK_IN_72H", TestTime.now()));
    }

    /** The caller's notices' email deliveries once sent, newest first, each with its notice's createdAt. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sent(Team.Member member, Team team) {
        return OtherNoticesTest.noticesOf(member, "staff", team.siteId()).stream()
                .flatMap(n -> ((List<Map<String, Object>>) n.get("deliveries")).stream()
                        .filter(d -> "SENT".equals(d.get("status")))
                        .map(d -> {
                            Map<String, Object> row = new java.util.HashMap<>(d);
                            row.put("createdAt", n.get("createdAt"));
                            return row;
                        }))
                .toList();
    }

}
