package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.AlertRaised;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class SupervisorAlertTest {

    @Inject
    Directory directory;

    @Test
    void criticalIncidentAlertsSiteSupervisorByEmail() {
        TestSite site = TestSite.withSupervisors(directory, 1);
        IncidentReported incident = IncidentFeed.elopement(site.id());

        IncidentFeed.publish(IncidentFeed.announce(incident));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Mailbox.to(site.supervisor().email())).hasSize(1));
        List<Map<String, Object>> alerts = AlertsApi.ofIncident(incident);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("siteId", site.id())
                    .containsEntry("recipientId", site.supervisor().id())
                    .containsEntry("incidentType", "ELOPEMENT")
                    .containsEntry("status", "RAISED");
        });
        Object alertId = alerts.get(0).get("id");
        Mailbox.Received mail = Mailbox.to(site.supervisor().email()).get(0);
        assertThat(mail.from()).isEqualTo("haven@haven.example");
        assertThat(mail.subject()).isEqualTo("Critical incident at " + site.name() + ": Elopement");
        assertThat(mail.text()).contains("Site:      " + site.name(), "Incident:  Elopement", "http://localhost:8083/app/alerts#alert-" + alertId, "http://localhost:8083/alerts/ack#t=");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath detail = AlertsApi.detail(site.id(), alertId);
            assertThat(detail.getList("deliveries")).hasSize(1);
            assertThat(detail.getString("deliveries[0].channel")).isEqualTo("EMAIL");
            assertThat(detail.getString("deliveries[0].destination")).isEqualTo(site.supervisor().email());
            assertThat(detail.getString("deliveries[0].status")).isEqualTo("SENT");
            assertThat(detail.getInt("deliveries[0].attempts")).isEqualTo(1);
        });
    }

    @Test
    void alertEmailTellsOnlySiteTypeAndTimeOfTheIncident() {
        TestSite site = TestSite.withSupervisors(directory, 1);
        IncidentReported incident = IncidentFeed.elopementAt(site.id(), Instant.parse("2026-01-15T15:04:00Z"));

        IncidentFeed.publish(IncidentFeed.announce(incident));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Mailbox.to(site.supervisor().email())).hasSize(1));
        Mailbox.Received mail = Mailbox.to(site.supervisor().email()).get(0);
        String everything = (mail.subject() + "\n" + mail.text()).replace("/app/incidents/" + incident.incidentId(), "/app/incidents/…");
        assertThat(everything).as("the time, in the site's time zone").contains("Thu 15 Jan 2026, 10:04 EST");
        assertThat(everything).as("nothing about clients, staff or the report beyond site, type and time (the incident's id only in its link)")
                .doesNotContain("C-7F3K-Q9", "staff-ana-7", "staff-ben-4", "staff-cyd-2", incident.incidentId().toString(),
                        "HIGH", incident.criticalityRule());
    }

    @Test
    void criticalIncidentIsAnnouncedAsAlertRaisedKeyedByIncident() {
        TestSite site = TestSite.withSupervisors(directory, 2);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        ConsumerTask<String, String> raised = HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.NOTIFICATION_TOPIC, records -> records.filter(r -> r.value().contains(incident.incidentId().toString())));

        IncidentFeed.publish(IncidentFeed.announce(incident));

        List<ConsumerRecord<String, String>> records = raised.awaitRecords(2, Duration.ofSeconds(30)).getRecords();
        raised.stop();
        assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo(incident.incidentId().toString()));
        List<AlertRaised> events = records.stream().map(record -> {
            EventEnvelope envelope = EventCodec.decode(record.value());
            assertThat(envelope.source()).isEqualTo("/notification-service");
            return EventCodec.data(envelope, HavenEvents.ALERT_RAISED);
        }).toList();
        assertThat(events).extracting(AlertRaised::recipientId)
                .containsExactlyInAnyOrder(site.supervisors().get(0).id(), site.supervisors().get(1).id());
        assertThat(events).allSatisfy(event -> {
            assertThat(event.siteId()).isEqualTo(site.id());
            assertThat(event.incidentId()).isEqualTo(incident.incidentId());
        });
        assertThat(events).extracting(event -> event.alertId().toString())
                .containsExactlyInAnyOrderElementsOf(AlertsApi.ofIncident(incident).stream()
                        .map(alert -> (String) alert.get("id")).toList());
        assertThat(records).allSatisfy(record -> assertThat(record.value()).doesNotContain("C-7F3K-Q9"));
    }

    @Test
    void aVersion1IncidentReportedStillAlertsTheSupervisorAndItsClientCodesGoNowhere() {
        TestSite site = TestSite.withSupervisors(directory, 1);
        IncidentReported incident = IncidentFeed.elopement(site.id());

        IncidentFeed.publish(EventFeed.asVersion1(IncidentFeed.announce(incident), "clientCodes", List.of("MARIA")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Mailbox.to(site.supervisor().email())).hasSize(1));
        Mailbox.Received mail = Mailbox.to(site.supervisor().email()).get(0);
        assertThat(mail.subject() + mail.text()).doesNotContainIgnoringCase("maria");
    }

    @Test
    void nonCriticalIncidentAlertsNoOne() {
        TestSite site = TestSite.withSupervisors(directory, 1);
        IncidentReported minor = IncidentFeed.propertyDamage(site.id());
        IncidentReported critical = IncidentFeed.elopement(site.id());

        IncidentFeed.publish(IncidentFeed.announce(minor), IncidentFeed.announce(critical));

        // The critical incident was published after the minor one on the same partition: once it is
        // alerted, the minor one has been read.
        await().atMost(Duration.ofSeconds(30)).until(() -> AlertsApi.ofIncident(critical).size() == 1);
        assertThat(AlertsApi.ofIncident(minor)).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Mailbox.to(site.supervisor().email()))
                .singleElement().satisfies(mail -> assertThat(mail.subject()).endsWith(": Elopement")));
    }

    @Test
    void incidentAtUnknownSiteIsKeptAsOneUnroutableAlertAndPagesTheDemoAdministrator() {
        String unknownSite = "site-nowhere-" + UUID.randomUUID();
        IncidentReported incident = IncidentFeed.elopement(unknownSite);

        IncidentFeed.publish(IncidentFeed.announce(incident));

        await().atMost(Duration.ofSeconds(30)).until(() -> AlertsApi.ofIncident(incident).size() == 2);
        List<Map<String, Object>> alerts = AlertsApi.ofIncident(incident);
        List<Map<String, Object>> unroutable = alerts.stream().filter(a -> "UNROUTABLE".equals(a.get("status"))).toList();
        assertThat(unroutable).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("siteId", unknownSite);
            assertThat(alert.get("recipientId")).isNull();
        });
        assertThat(alerts).anySatisfy(alert -> assertThat(alert).containsEntry("recipientId", "admin").containsEntry("status", "RAISED"));
        assertThat(AlertsApi.detail(unknownSite, unroutable.get(0).get("id")).getList("deliveries")).isEmpty();
        assertThat(given().auth().oauth2(TestTokens.supervisor("sup-watch", unknownSite)).queryParam("site", unknownSite).queryParam("status", "UNROUTABLE")
                .when().get("/api/alerts").then().statusCode(200).extract().jsonPath().getInt("total")).isEqualTo(1);
    }
}
