package org.haven.local.notification;

import org.haven.local.ClientCodes;
import org.haven.local.DemoTokens;
import org.haven.local.HavenPlatform;
import org.haven.local.PlatformExtension;
import org.haven.local.ServiceSpec;
import org.haven.local.notification.DirectoryAdmin.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notification-service processes on one database and one broker (one consumer group), both
 * looking for due escalation levels every second: for several critical incidents each person is paged
 * exactly once per level and has one alert per incident, and an incident acknowledged through one
 * replica is paged no further by either. Counted where pages arrive: the SMTP catcher and the SMS stand-in.
 */
@ExtendWith(PlatformExtension.class)
class TwoReplicasIT {

    private static final int ESCALATED = 3;
    private static final int ACKNOWLEDGED = 2;
    private static final Duration LEVEL_2_AFTER = Duration.ofSeconds(30);
    private static final Duration LEVEL_3_AFTER = Duration.ofSeconds(45);

    private static final List<String> REPORTED = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static SmsStandIn sms;
    private static ServiceSpec primary;
    private static ServiceSpec replica;
    private static DirectoryAdmin directory;
    private static Map<String, Object> chainBefore;

    @BeforeAll
    static void twoReplicas() throws Exception {
        HavenPlatform platform = PlatformExtension.platform();
        sms = SmsStandIn.start();
        primary = platform.service(DrillSettings.SERVICE);
        replica = primary.replica(2, freePort());
        DrillSettings.restart(primary, DrillSettings.of(sms));
        platform.startService(replica, DrillSettings.of(sms));
        platform.awaitReady(replica);
        directory = new DirectoryAdmin(primary.baseUrl());
        chainBefore = directory.chain(DrillReports.SITE);
        DrillReports.quietSite(primary);
    }

    @AfterAll
    static void oneReplicaAgain() throws Exception {
        try {
            if (replica != null) {
                PlatformExtension.platform().stopService(replica);
            }
        } finally {
            DrillSettings.restoreAfterDrill(primary, REPORTED, directory, chainBefore, sms);
        }
    }

    @Test
    void twoReplicasPageEachPersonOncePerLevelAndAnAcknowledgementThroughEitherStopsBoth() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Person first = Person.fresh("oncall", tag, 1);
        Person backup = Person.fresh("backup", tag, 2);
        Person director = Person.fresh("director", tag, 3);
        List<Person> chain = List.of(first, backup, director);
        chain.forEach(directory::put);
        directory.chainOfPeople(DrillReports.SITE, List.of(Map.entry(Duration.ZERO, first), Map.entry(LEVEL_2_AFTER, backup),
                Map.entry(LEVEL_3_AFTER, director)));
        Pages pages = new Pages(sms);

        List<String> incidents = new ArrayList<>();
        Map<String, Instant> postedAt = new java.util.HashMap<>();
        for (int i = 0; i < ESCALATED + ACKNOWLEDGED; i++) {
            Instant posted = PlatformExtension.now();
            String incidentId = DrillReports.elopement(tag + i);
            incidents.add(incidentId);
            REPORTED.add(incidentId);
            postedAt.put(incidentId, posted);
        }
        List<String> acknowledged = incidents.subList(0, ACKNOWLEDGED);
        List<String> escalated = incidents.subList(ACKNOWLEDGED, incidents.size());

        // Taken charge of through the second replica once paged, before their level 2 is due.
        for (String incidentId : acknowledged) {
            await().atMost(Duration.ofSeconds(30)).until(() -> DrillReports.alertFor(replica, incidentId, first.id()).isPresent());
            Map<String, Object> alert = DrillReports.alertFor(replica, incidentId, first.id()).orElseThrow();
            UUID alertId = UUID.fromString((String) alert.get("id"));
            await().atMost(LEVEL_2_AFTER).pollInterval(Duration.ofMillis(50)).until(() -> pages.emails(alertId) == 1 && pages.texts(alertId) == 1);
            given().auth().oauth2(DemoTokens.of(DrillReports.SUPERVISOR)).when().post(replica.baseUrl() + "/api/alerts/" + alert.get("id") + "/ack")
                    .then().statusCode(200);
            assertThat(PlatformExtension.now()).as("acknowledged before level 2 was due").isBefore(Instant.parse((String) alert.get("raisedAt")).plus(LEVEL_2_AFTER));
        }
        for (String incidentId : escalated) {
            await().atMost(Duration.ofSeconds(30)).until(() -> DrillReports.alertFor(replicaOf(incidentId), incidentId, first.id()).isPresent());
        }
        Instant lastStart = incidents.stream().map(id -> raisedAt(id, first)).max(Comparator.naturalOrder()).orElseThrow();

        await().atMost(LEVEL_3_AFTER.plusSeconds(60)).until(() -> escalated.stream()
                .allMatch(id -> DrillReports.alertFor(primary, id, director.id()).isPresent()));
        // Well past every level's due time, and a few more ticks of both schedulers, nothing else is paged.
        Instant quietUntil = lastStart.plus(LEVEL_3_AFTER).plusSeconds(4);
        if (PlatformExtension.now().isBefore(quietUntil)) {
            await().during(Duration.between(PlatformExtension.now(), quietUntil)).atMost(LEVEL_3_AFTER.plusSeconds(10))
                    .until(() -> acknowledged.stream().allMatch(id -> DrillReports.alerts(replica, id).size() == 1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> everyAlertPaged(pages, incidents));

        List<String> doubles = new ArrayList<>();
        for (String incidentId : incidents) {
            List<Map<String, Object>> alerts = DrillReports.alerts(primary, incidentId);
            Map<Object, Long> perRecipient = alerts.stream().collect(Collectors.groupingBy(a -> a.get("recipientId"), Collectors.counting()));
            List<String> expected = acknowledged.contains(incidentId) ? List.of(first.id()) : chain.stream().map(Person::id).toList();
            assertThat(perRecipient).as("alerts per recipient of %s", incidentId).containsOnlyKeys(expected.toArray())
                    .allSatisfy((recipient, n) -> assertThat(n).isEqualTo(1L));
            assertThat(DrillReports.alerts(replica, incidentId)).as("both replicas answer alike").hasSameSizeAs(alerts);
            for (Map<String, Object> alert : alerts) {
                UUID alertId = UUID.fromString((String) alert.get("id"));
                if (pages.emails(alertId) != 1 || pages.texts(alertId) != 1) {
                    doubles.add(incidentId + "/" + alert.get("recipientId") + ": " + pages.emails(alertId) + " emails, " + pages.texts(alertId) + " texts");
                }
            }
        }
        assertThat(doubles).as("alerts not paged exactly once by email and once by text").isEmpty();
        assertThat(pages.pagesTo(first.email(), first.phone())).isEqualTo(2L * incidents.size());
        assertThat(pages.pagesTo(backup.email(), backup.phone())).isEqualTo(2L * ESCALATED);
        assertThat(pages.pagesTo(director.email(), director.phone())).isEqualTo(2L * ESCALATED);
        await().atMost(Duration.ofSeconds(30)).until(() -> pages.handledSubjects(first.email()).size() == ACKNOWLEDGED);
        assertThat(pages.handledSubjects(first.email())).allSatisfy(subject -> assertThat(subject).startsWith("Handled by Sam Rivera"));
        for (Person person : chain) {
            assertThat(pages.everyMessageTo(person.email(), person.phone()))
                    .allSatisfy(text -> assertThat(text).doesNotContain(ClientCodes.of(tag)).doesNotContainIgnoringCase("laundry door"));
        }

        printLatencies(incidents, postedAt, first, backup, tag);
    }

    /** Alternates the replica that is asked, so both answer from the shared database. */
    private ServiceSpec replicaOf(String incidentId) {
        return Math.floorMod(incidentId.hashCode(), 2) == 0 ? primary : replica;
    }

    private static Instant raisedAt(String incidentId, Person person) {
        return Instant.parse((String) DrillReports.alertFor(primary, incidentId, person.id()).orElseThrow().get("raisedAt"));
    }

    private static boolean everyAlertPaged(Pages pages, List<String> incidents) {
        return incidents.stream().flatMap(id -> DrillReports.alerts(primary, id).stream())
                .map(a -> UUID.fromString((String) a.get("id")))
                .allMatch(id -> pages.emails(id) >= 1 && pages.texts(id) >= 1);
    }

    private void printLatencies(List<String> incidents, Map<String, Instant> postedAt, Person first, Person backup, String tag) throws IOException {
        List<Long> toEmail = new ArrayList<>();
        List<Long> toText = new ArrayList<>();
        List<Long> level2Late = new ArrayList<>();
        for (String incidentId : incidents) {
            Map<String, Object> alert = DrillReports.alertFor(primary, incidentId, first.id()).orElseThrow();
            UUID alertId = UUID.fromString((String) alert.get("id"));
            Instant raised = Instant.parse((String) alert.get("raisedAt"));
            DrillReports.deliveries(primary, alertId).stream().filter(d -> "EMAIL".equals(d.get("channel")) && "ALERT".equals(d.get("kind")))
                    .forEach(d -> toEmail.add(Duration.between(raised, Instant.parse((String) d.get("sentAt"))).toMillis()));
            sms.texts().stream().filter(t -> t.body().contains(alertId.toString())).findFirst()
                    .ifPresent(t -> toText.add(Duration.between(postedAt.get(incidentId), t.receivedAt()).toMillis()));
            DrillReports.alertFor(primary, incidentId, backup.id()).ifPresent(b -> sms.texts().stream()
                    .filter(t -> t.body().contains((String) b.get("id"))).findFirst()
                    .ifPresent(t -> level2Late.add(Duration.between(raised.plus(LEVEL_2_AFTER), t.receivedAt()).toMillis())));
        }
        HavenPlatform platform = PlatformExtension.platform();
        System.out.printf("%nTwo replicas, %d incidents (%d acknowledged at level 1 through replica 2): event consumed -> email accepted by SMTP %s ms;"
                        + " POST -> level-1 text at the provider %s ms; level 2 texted after its due time %s ms;"
                        + " levels 2-3 fired by primary %d, by replica %d; pages sent by primary %d, by replica %d%n",
                incidents.size(), ACKNOWLEDGED, toEmail, toText, level2Late,
                logLines(platform, primary, line -> line.contains("escalated to level") && incidents.stream().anyMatch(line::contains)),
                logLines(platform, replica, line -> line.contains("escalated to level") && incidents.stream().anyMatch(line::contains)),
                logLines(platform, primary, line -> line.contains(": ALERT ") && line.contains("-" + tag)),
                logLines(platform, replica, line -> line.contains(": ALERT ") && line.contains("-" + tag)));
    }

    /** Counts lines of one instance's log (which instance did the work is reported, not asserted: either may). */
    private static long logLines(HavenPlatform platform, ServiceSpec instance, java.util.function.Predicate<String> which) throws IOException {
        try (var lines = Files.lines(platform.logOf(instance), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(which).count();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
