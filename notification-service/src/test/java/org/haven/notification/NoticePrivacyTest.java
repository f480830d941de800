package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.CheckInDue;
import org.haven.events.ConversationRequested;
import org.haven.events.DebriefActionDue;
import org.haven.events.DebriefCancelled;
import org.haven.events.DebriefOverdue;
import org.haven.events.DebriefRescheduled;
import org.haven.events.DebriefScheduled;
import org.haven.events.ExposureThresholdReached;
import org.haven.events.ExternalNotificationOverdue;
import org.haven.events.HavenEvents;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every kind of notice, as its recipients receive it (subject, text, calendar invite, text message),
 * names the site, the kind and the time and links to Haven; none carries a client code, an incident's
 * id or a wellness figure. The service's log names no recipient of a notice: who got a check-in or a debrief
 * invite tells who was exposed to a critical incident.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class NoticePrivacyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CLIENT_CODE = Pattern.compile("\\bC-[0-9A-Z]{4}");
    private static final Instant AT = Instant.parse("2026-03-03T15:00:00Z");

    @Inject
    Directory directory;

    @Test
    void noNoticeOfAnyKindCarriesClientDetails() {
        Queue<String> logged = new ConcurrentLinkedQueue<>();
        Handler logCapture = capturing(logged);
        Logger.getLogger("").addHandler(logCapture);
        try {
            sendEveryKindOfNotice(logged);
        } finally {
            Logger.getLogger("").removeHandler(logCapture);
        }
    }

    private void sendEveryKindOfNotice(Queue<String> logged) {
        Team team = Team.create(directory);
        Team.Member ana = team.staff().get(0);
        Team.Member ben = team.staff().get(1);
        UUID incidentId = UUID.randomUUID();
        UUID debriefId = UUID.randomUUID();
        String uid = "debrief-" + debriefId + "@haven.example";
        List<String> participants = List.of(ana.id(), ben.id());
        EventFeed.publish(
                EventFeed.event(HavenEvents.DEBRIEF_SCHEDULED, debriefId.toString(), new DebriefScheduled(debriefId, incidentId,
                        team.siteId(), "SEXUAL_HARM_DISCLOSURE", AT.plus(Duration.ofHours(20)), AT, AT.plus(Duration.ofHours(1)),
                        team.facilitator().id(), participants, List.of(), uid, 0)),
                EventFeed.event(HavenEvents.DEBRIEF_RESCHEDULED, debriefId.toString(), new DebriefRescheduled(debriefId,
                        team.siteId(), AT.plus(Duration.ofHours(20)), AT.plus(Duration.ofHours(2)), AT.plus(Duration.ofHours(3)),
                        team.facilitator().id(), participants, List.of(), List.of(incidentId), uid, 1)),
                EventFeed.event(HavenEvents.DEBRIEF_CANCELLED, debriefId.toString(),
                        new DebriefCancelled(debriefId, team.siteId(), participants, uid, 2)),
                EventFeed.event(HavenEvents.DEBRIEF_OVERDUE, debriefId.toString(),
                        new DebriefOverdue(debriefId, incidentId, team.siteId(), "SEXUAL_HARM_DISCLOSURE", AT)),
                EventFeed.event(HavenEvents.DEBRIEF_ACTION_DUE, debriefId.toString(),
                        new DebriefActionDue(debriefId, UUID.randomUUID(), team.siteId(), ben.id(), AT, true)));
        EventFeed.publish(
                EventFeed.event(HavenEvents.CHECK_IN_DUE, ana.id(),
                        new CheckInDue(UUID.randomUUID(), ana.id(), team.siteId(), "SELF_CHECK_IN_72H", AT)),
                EventFeed.event(HavenEvents.EXPOSURE_THRESHOLD_REACHED, ben.id(),
                        new ExposureThresholdReached(ben.id(), team.siteId(), 30, 6, 5, AT)),
                EventFeed.event(HavenEvents.CONVERSATION_REQUESTED, ana.id(),
                        new ConversationRequested(UUID.randomUUID(), ana.id(), team.siteId(), AT)));
        EventFeed.publish(EventFeed.event(HavenEvents.EXTERNAL_NOTIFICATION_OVERDUE, incidentId.toString(),
                new ExternalNotificationOverdue(incidentId, team.siteId(), "SEXUAL_HARM_DISCLOSURE", UUID.randomUUID(), "Child protective services", AT)));

        // invite, update, cancellation, check-in / conversation
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(ana.email())).hasSize(4));
        // invite, update, cancellation, action due
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(ben.email())).hasSize(4));
        // exposure, conversation, external notification
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(team.supervisor().email())).hasSize(3));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(team.director().email())).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(team.facilitator().email())).hasSize(3));
        await().atMost(WAIT).untilAsserted(() -> assertThat(SmsProvider.to(team.supervisor().phone())).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(SmsProvider.to(team.director().phone())).hasSize(1));

        List<String> rendered = new ArrayList<>();
        for (Team.Member member : team.everyone()) {
            for (Mailbox.Received mail : Mailbox.to(member.email())) {
                String everything = mail.subject() + "\n" + mail.text();
                assertThat(everything).as("names the site: " + mail.subject()).contains(team.siteName());
                assertThat(everything).as("links to Haven: " + mail.subject()).contains("http://localhost:808");
                if (mail.hasInvite()) {
                    Invites invite = Invites.parse(mail.calendar());
                    everything += "\n" + invite.value("SUMMARY") + "\n" + invite.value("DESCRIPTION") + "\n" + invite.value("LOCATION");
                    assertThat(invite.value("SUMMARY")).isEqualTo("Restorative debrief at " + team.siteName());
                }
                rendered.add(everything);
            }
            SmsProvider.to(member.phone()).forEach(text -> rendered.add(text.body()));
        }
        assertThat(rendered).hasSize(17).allSatisfy(message -> {
            assertThat(CLIENT_CODE.matcher(message).find()).as("no client code in: " + message).isFalse();
            assertThat(message).doesNotContain(incidentId.toString(), "client", "Client", "6 critical", "score");
        });

        await().atMost(WAIT).untilAsserted(() -> assertThat(logged).filteredOn(line -> line.startsWith("Notice ")).hasSizeGreaterThanOrEqualTo(17));
        List<String> people = new ArrayList<>();
        team.everyone().forEach(member -> people.addAll(List.of(member.id(), member.email(), member.phone())));
        assertThat(logged).as("the log names no recipient").isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain(people.toArray(String[]::new)));
    }

    /** What Haven's own classes log (the test mail server logs every address it creates a mailbox for). */
    private static Handler capturing(Queue<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.haven")) {
                    String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                    lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
