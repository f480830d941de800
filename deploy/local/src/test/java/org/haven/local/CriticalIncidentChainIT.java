package org.haven.local;

import io.restassured.path.json.JsonPath;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chain Haven exists for, across the four services running as separate processes on one real
 * Kafka broker and one real PostgreSQL: an elopement reported over HTTP yields one debrief due within
 * 24 hours, one alert and one email to the site's supervisor, and follow-ups for each exposed person.
 */
@ExtendWith(PlatformExtension.class)
class CriticalIncidentChainIT {

    private static final String SITE = "site-north";
    private static final String REPORTER = "staff-ana";
    /** Reads every service's records of site-north, as its supervisor would. */
    private static final String READER = "sup-north";
    private static final String SUPERVISOR_EMAIL = "sam.rivera@haven.example";
    private static final List<String> FOLLOW_UP_KINDS = List.of("SUPERVISOR_CHECK_IN", "SELF_CHECK_IN_72H", "SELF_CHECK_IN_1_MONTH");

    private static String url(String service, String path) {
        return PlatformExtension.platform().service(service).baseUrl() + path;
    }

    /** Reported by the signed-in staff member, staff-ana, who is also the first involved person. */
    private static String report(String type, String severity, List<String> involved, String clientCode) {
        return """
                {"siteId":"%1$s","type":"%2$s","severity":"%3$s","occurredAt":"%4$s",
                 "summary":"Client left during the evening walk and did not come back",
                 "lastSeen":{"at":"%4$s","place":"Corner of the park","clothing":"Red coat"},
                 "involvedStaffIds":[%5$s],"witnessIds":[],"clientCodes":["%6$s"]}"""
                .formatted(SITE, type, severity, PlatformExtension.now().minus(5, ChronoUnit.MINUTES),
                        involved.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",")), clientCode);
    }

    private static io.restassured.specification.RequestSpecification as(String person) {
        return given().auth().oauth2(DemoTokens.of(person));
    }

    @Test
    void elopementYieldsOneDebriefWithin24HoursOneSupervisorAlertAndEmailAndFollowUpsPerStaffMember() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> staff = List.of(REPORTER, "staff-b-" + tag);
        String clientCode = ClientCodes.of(tag);
        Colleagues.hire(SITE, List.of(staff.get(1)));   // a report names only people who work at its site
        int mailBefore = PlatformExtension.platform().mailReceived().length;

        long posted = System.nanoTime();
        JsonPath incident = as(REPORTER).contentType("application/json").body(report("ELOPEMENT", "HIGH", staff, clientCode))
                .when().post(url("incident-service", "/api/incidents"))
                .then().statusCode(201).extract().jsonPath();
        String incidentId = incident.getString("id");
        Instant reportedAt = Instant.parse(incident.getString("reportedAt"));
        assertThat(incident.getBoolean("critical")).isTrue();

        Duration toAlert = awaitNonEmpty(() -> list("notification-service", "/api/alerts?incidentId=" + incidentId), posted);
        Duration toDebrief = awaitNonEmpty(() -> list("debrief-service", "/api/debriefs?incidentId=" + incidentId), posted);
        Duration toFollowUps = awaitNonEmpty(() -> list("wellness-service", "/api/followups?incidentId=" + incidentId), posted);
        await().atMost(Duration.ofSeconds(30)).until(() -> incidentMails(mailBefore).stream().anyMatch(mail -> isTo(SUPERVISOR_EMAIL, mail) && isAlert(mail)));
        Duration toEmail = Duration.ofNanos(System.nanoTime() - posted);
        System.out.printf("%nEnd-to-end latency from POST (one sample): alert %d ms, debrief %d ms, follow-ups %d ms, email accepted by SMTP <= %d ms%n",
                toAlert.toMillis(), toDebrief.toMillis(), toFollowUps.toMillis(), toEmail.toMillis());

        // Let every consumer finish the incident's event (and any redelivery) before counting exactly.
        awaitConsumersCaughtUp();

        List<Map<String, Object>> debriefs = list("debrief-service", "/api/debriefs?incidentId=" + incidentId);
        assertThat(debriefs).hasSize(1);
        Instant deadline = Instant.parse((String) debriefs.get(0).get("deadline"));
        assertThat(deadline).isAfter(reportedAt).isBeforeOrEqualTo(reportedAt.plus(24, ChronoUnit.HOURS));

        List<Map<String, Object>> alerts = list("notification-service", "/api/alerts?incidentId=" + incidentId);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("recipientId")).isEqualTo("sup-north");
        List<MimeMessage> mails = incidentMails(mailBefore);
        List<MimeMessage> toSupervisor = mails.stream().filter(mail -> isTo(SUPERVISOR_EMAIL, mail)).toList();
        assertThat(toSupervisor).filteredOn(CriticalIncidentChainIT::isAlert).as("alert mails to the supervisor").hasSize(1);
        // While the supervisor is on shift the debrief invite goes out at once; off shift it waits for the next shift.
        // Either way nothing else reaches them, and what comes is a calendar invite.
        assertThat(toSupervisor).filteredOn(mail -> !isAlert(mail)).as("other mails to the supervisor").hasSizeLessThanOrEqualTo(1)
                .allSatisfy(mail -> assertThat(calendarOf(mail)).as("the invite's calendar").contains("METHOD:REQUEST").contains("BEGIN:VEVENT"));
        assertThat(mails).allSatisfy(mail -> assertThat(body(mail)).doesNotContain(clientCode).doesNotContain("evening walk"));

        List<Map<String, Object>> followUps = list("wellness-service", "/api/followups?incidentId=" + incidentId);
        assertThat(followUps).hasSize(staff.size() * FOLLOW_UP_KINDS.size());
        for (String person : staff) {
            assertThat(followUps.stream().filter(f -> person.equals(f.get("staffId"))).map(f -> (String) f.get("kind")))
                    .containsExactlyInAnyOrderElementsOf(FOLLOW_UP_KINDS);
        }
    }

    @Test
    void nonCriticalIncidentIsRecordedAndTriggersNothingElse() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Colleagues.hire(SITE, List.of("staff-c-" + tag));   // a report names only people who work at its site
        int mailBefore = PlatformExtension.platform().mailReceived().length;
        String incidentId = as(REPORTER).contentType("application/json")
                .body(report("PROPERTY_DAMAGE", "LOW", List.of(REPORTER, "staff-c-" + tag), ClientCodes.of(tag)))
                .when().post(url("incident-service", "/api/incidents"))
                .then().statusCode(201).extract().path("id");

        as(READER).when().get(url("incident-service", "/api/incidents/" + incidentId)).then().statusCode(200);
        awaitConsumersCaughtUp();

        assertThat(list("debrief-service", "/api/debriefs?incidentId=" + incidentId)).isEmpty();
        assertThat(list("notification-service", "/api/alerts?incidentId=" + incidentId)).isEmpty();
        assertThat(list("wellness-service", "/api/followups?incidentId=" + incidentId)).isEmpty();
        assertThat(incidentMails(mailBefore)).isEmpty();
    }

    private static List<Map<String, Object>> list(String service, String path) {
        JsonPath body = as(READER).when().get(url(service, path)).then().statusCode(200).extract().jsonPath();
        return body.getList("items");
    }

    private static Duration awaitNonEmpty(Supplier<List<Map<String, Object>>> query, long since) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> !query.get().isEmpty());
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** Waits until each service's consumer group has committed the end of incident.events. */
    private static void awaitConsumersCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformExtension.platform().kafkaBootstrap()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                var partitions = admin.describeTopics(List.of("incident.events")).allTopicNames().get().get("incident.events")
                        .partitions().stream().map(p -> new TopicPartition("incident.events", p.partition())).toList();
                Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get()
                        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                for (String group : List.of("debrief-service", "notification-service", "wellness-service")) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    for (var end : ends.entrySet()) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        if (end.getValue() > 0 && (at == null || at.offset() < end.getValue())) {
                            return false;
                        }
                    }
                }
                return true;
            });
        }
    }

    private static List<MimeMessage> incidentMails(int skip) {
        MimeMessage[] all = PlatformExtension.platform().mailReceived();
        return Arrays.asList(all).subList(Math.min(skip, all.length), all.length);
    }

    private static boolean isTo(String address, MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
        } catch (Exception e) {
            return false;
        }
    }

    /** The critical alert itself (notification-service's AlertMessage), as opposed to a notice such as the invite. */
    private static boolean isAlert(MimeMessage mail) {
        try {
            return mail.getSubject().startsWith("Critical incident at ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/calendar part of a mail, or "" when it has none. */
    private static String calendarOf(Part part) {
        try {
            if (part.isMimeType("text/calendar")) {
                return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    String calendar = calendarOf(parts.getBodyPart(i));
                    if (!calendar.isEmpty()) {
                        return calendar;
                    }
                }
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        return com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mail);
    }
}
