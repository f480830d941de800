package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.DebriefActionDue;
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

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class NoticeRetryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Directory directory;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> delivery(Team.Member member, Team team) {
        List<Map<String, Object>> notices = OtherNoticesTest.noticesOf(member, "staff", team.siteId());
        assertThat(notices).hasSize(1);
        return ((List<Map<String, Object>>) notices.get(0).get("deliveries")).get(0);
    }

    @Test
    void noticeThatFailsWhileTheMailServerIsDownIsLoggedAndSentOnceItIsBack() {
        Team team = Team.create(directory);
        Team.Member owner = team.staff().get(0);
        UUID debriefId = UUID.randomUUID();
        DebriefActionDue due = new DebriefActionDue(debriefId, UUID.randomUUID(), team.siteId(), owner.id(), TestTime.now(), true);

        GreenMailSmtp.goDown();
        try {
            EventFeed.publish(EventFeed.event(HavenEvents.DEBRIEF_ACTION_DUE, debriefId.toString(), due));
            await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(owner, team))
                    .containsEntry("status", "FAILED")
                    .satisfies(d -> {
                        assertThat((Integer) d.get("attempts")).isGreaterThanOrEqualTo(1);
                        assertThat((String) d.get("lastError")).as("a plain reason, not the mail client's words")
                                .isEqualTo("the mail server could not be reached");
                        assertThat(d.get("nextAttemptAt")).isNotNull();
                    }));
        } finally {
            GreenMailSmtp.comeBack();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(owner, team)).containsEntry("status", "SENT")
                .satisfies(d -> assertThat((Integer) d.get("attempts")).isGreaterThanOrEqualTo(2)));
        assertThat(Mailbox.to(owner.email())).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).startsWith("Overdue: an action you agreed at a debrief"));
    }
}
