package org.haven.local.notification;

import org.haven.local.HavenPlatform;
import org.haven.local.PlatformExtension;
import org.haven.local.ServiceSpec;
import org.haven.local.notification.DirectoryAdmin.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * The escalation timer survives a crash, across real processes: North House's chain pages a first
 * person at once, a backup after 15 s and a director after 90 s. notification-service is SIGKILLed
 * after the first page and stays down past the backup's due time; once restarted it pages the backup
 * exactly once (and the first person not again). The backup takes charge from the link in the email,
 * so the director is never paged. Counted where pages arrive: the SMTP catcher and the SMS stand-in.
 */
@ExtendWith(PlatformExtension.class)
class EscalationRestartIT {

    private static final Duration LEVEL_2_AFTER = Duration.ofSeconds(15);
    /** Room for the restart (15-30 s on a busy laptop) before the level the acknowledgement must stop. */
    private static final Duration LEVEL_3_AFTER = Duration.ofSeconds(90);
    private static final Duration TICK = Duration.ofSeconds(1);

    private static final List<String> REPORTED = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static SmsStandIn sms;
    private static ServiceSpec service;
    private static DirectoryAdmin directory;
    private static Map<String, Object> chainBefore;

    @BeforeAll
    static void drill() throws Exception {
        sms = SmsStandIn.start();
        service = PlatformExtension.platform().service(DrillSettings.SERVICE);
        DrillSettings.restart(service, DrillSettings.of(sms));
        directory = new DirectoryAdmin(service.baseUrl());
        chainBefore = directory.chain(DrillReports.SITE);
        DrillReports.quietSite(service);
    }

    @AfterAll
    static void restore() throws Exception {
        DrillSettings.restoreAfterDrill(service, REPORTED, directory, chainBefore, sms);
    }

    @Test
    void levelDueWhileTheServiceWasKilledIsPagedOnceAfterRestartAndTheAcknowledgementStopsTheNext() throws Exception {
        HavenPlatform platform = PlatformExtension.platform();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Person first = Person.fresh("first", tag, 1);
        Person backup = Person.fresh("backup", tag, 2);
        Person director = Person.fresh("director", tag, 3);
        List.of(first, backup, director).forEach(directory::put);
        directory.chainOfPeople(DrillReports.SITE, List.of(Map.entry(Duration.ZERO, first), Map.entry(LEVEL_2_AFTER, backup),
                Map.entry(LEVEL_3_AFTER, director)));
        Pages pages = new Pages(sms);

        Instant posted = PlatformExtension.now();
        String incidentId = DrillReports.elopement(tag);
        REPORTED.add(incidentId);
        await().atMost(Duration.ofSeconds(30)).until(() -> DrillReports.alertFor(service, incidentId, first.id()).isPresent());
        Map<String, Object> firstAlert = DrillReports.alertFor(service, incidentId, first.id()).orElseThrow();
        UUID firstAlertId = UUID.fromString((String) firstAlert.get("id"));
        Instant started = Instant.parse((String) firstAlert.get("raisedAt"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> pages.emails(firstAlertId) == 1 && pages.texts(firstAlertId) == 1);
        Instant firstTextAt = sms.texts().stream().filter(t -> t.body().contains(firstAlertId.toString())).findFirst().orElseThrow().receivedAt();
        // SENT is committed before the crash: a page after the restart would be a double page, not a retry.
        await().atMost(Duration.ofSeconds(10)).until(() -> DrillReports.deliveries(service, firstAlertId).stream()
                .filter(d -> "ALERT".equals(d.get("kind"))).allMatch(d -> "SENT".equals(d.get("status"))));
        Instant emailedAt = DrillReports.deliveries(service, firstAlertId).stream()
                .filter(d -> "EMAIL".equals(d.get("channel"))).map(d -> Instant.parse((String) d.get("sentAt"))).findFirst().orElseThrow();

        Instant level2Due = started.plus(LEVEL_2_AFTER);
        assertThat(PlatformExtension.now()).as("the kill comes before level 2 is due").isBefore(level2Due);
        platform.killService(service);
        Instant killedAt = PlatformExtension.now();
        await().during(Duration.between(PlatformExtension.now(), level2Due.plus(TICK.multipliedBy(2)))).atMost(LEVEL_2_AFTER.plusSeconds(10))
                .until(() -> pages.pagesTo(backup.email(), backup.phone()) == 0);

        platform.startService(service, DrillSettings.of(sms));
        Duration restart = platform.awaitReady(service);
        await().atMost(Duration.ofSeconds(30)).until(() -> DrillReports.alertFor(service, incidentId, backup.id()).isPresent());
        UUID backupAlertId = UUID.fromString((String) DrillReports.alertFor(service, incidentId, backup.id()).orElseThrow().get("id"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> pages.emails(backupAlertId) >= 1 && pages.texts(backupAlertId) >= 1);
        Instant backupTextAt = sms.texts().stream().filter(t -> t.body().contains(backupAlertId.toString())).findFirst().orElseThrow().receivedAt();

        Instant level3Due = started.plus(LEVEL_3_AFTER);
        assertThat(PlatformExtension.now()).as("the restart left time to acknowledge before level 3").isBefore(level3Due.minusSeconds(5));
        String ackToken = pages.ackToken(backupAlertId);
        given().when().get(service.baseUrl() + "/alerts/ack")
                .then().statusCode(200).body(containsString("I am taking charge"));
        given().formParam("token", ackToken).when().post(service.baseUrl() + "/alerts/ack")
                .then().statusCode(200).body(containsString("You have taken charge"));
        await().atMost(Duration.ofSeconds(30)).until(() -> pages.handledSubjects(first.email()).size() == 1);
        assertThat(pages.handledSubjects(first.email()).get(0)).startsWith("Handled by " + backup.name());

        // Nothing more until well after level 3 was due.
        await().during(Duration.between(PlatformExtension.now(), level3Due.plus(TICK.multipliedBy(3)))).atMost(LEVEL_3_AFTER)
                .until(() -> pages.pagesTo(director.email(), director.phone()) == 0);
        assertThat(DrillReports.alerts(service, incidentId)).extracting(a -> a.get("recipientId"))
                .containsExactlyInAnyOrder(first.id(), backup.id());
        assertThat(pages.emails(firstAlertId)).as("level 1 emails").isEqualTo(1);
        assertThat(pages.texts(firstAlertId)).as("level 1 texts").isEqualTo(1);
        assertThat(pages.emails(backupAlertId)).as("level 2 emails").isEqualTo(1);
        assertThat(pages.texts(backupAlertId)).as("level 2 texts").isEqualTo(1);
        assertThat(DrillReports.deliveries(service, backupAlertId)).filteredOn(d -> "ALERT".equals(d.get("kind")))
                .extracting(d -> d.get("channel") + ":" + d.get("status")).containsExactlyInAnyOrder("EMAIL:SENT", "SMS:SENT");
        for (Person person : List.of(first, backup)) {
            assertThat(pages.everyMessageTo(person.email(), person.phone())).isNotEmpty()
                    .allSatisfy(text -> assertThat(text).doesNotContain(DrillReports.clientCode(tag)).doesNotContainIgnoringCase("laundry door"));
        }

        System.out.printf("%nEscalation across a kill -9: level 1 texted %d ms after POST, emailed (SMTP accepted) %d ms after the event"
                        + " was consumed; killed %.1f s before level 2 was due, back %.1f s after the restart began;"
                        + " level 2 paged %.1f s after it was due, once; level 3 never paged after the acknowledgement%n",
                Duration.between(posted, firstTextAt).toMillis(), Duration.between(started, emailedAt).toMillis(),
                Duration.between(killedAt, level2Due).toMillis() / 1000.0, restart.toMillis() / 1000.0,
                Duration.between(level2Due, backupTextAt).toMillis() / 1000.0);
    }
}
