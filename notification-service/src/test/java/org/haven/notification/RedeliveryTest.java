package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.haven.events.EventEnvelope;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class RedeliveryTest {

    @Inject
    Directory directory;

    @Test
    void sameEventDeliveredThreeTimesAlertsAndEmailsEachSupervisorOnce() {
        TestSite site = TestSite.withSupervisors(directory, 2);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        EventEnvelope event = IncidentFeed.announce(incident);
        IncidentReported later = IncidentFeed.elopement(site.id());

        IncidentFeed.publish(event, event, event, IncidentFeed.announce(later));

        assertEachSupervisorAlertedAndEmailedOnce(site, incident, later);
    }

    @Test
    void incidentAnnouncedAgainUnderNewEventIdAlertsNoOneTwice() {
        TestSite site = TestSite.withSupervisors(directory, 2);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        IncidentReported later = IncidentFeed.elopement(site.id());

        IncidentFeed.publish(IncidentFeed.announce(incident), IncidentFeed.announce(incident), IncidentFeed.announce(later));

        assertEachSupervisorAlertedAndEmailedOnce(site, incident, later);
    }

    /** {@code later} was published after every copy of {@code incident}: once it is alerted, all copies were read. */
    private static void assertEachSupervisorAlertedAndEmailedOnce(TestSite site, IncidentReported incident, IncidentReported later) {
        await().atMost(Duration.ofSeconds(30)).until(() -> AlertsApi.ofIncident(later).size() == 2);

        List<Map<String, Object>> alerts = AlertsApi.ofIncident(incident);
        assertThat(alerts).extracting(alert -> alert.get("recipientId"))
                .containsExactlyInAnyOrder(site.supervisors().get(0).id(), site.supervisors().get(1).id());
        for (Map<String, Object> alert : alerts) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath detail = AlertsApi.detail(site.id(), alert.get("id"));
                assertThat(detail.getList("deliveries")).hasSize(1);
                assertThat(detail.getString("deliveries[0].status")).isEqualTo("SENT");
            });
            String email = site.supervisors().stream().filter(s -> s.id().equals(alert.get("recipientId"))).findFirst().orElseThrow().email();
            assertThat(Mailbox.to(email)).filteredOn(mail -> mail.text().contains("/app/alerts#alert-" + alert.get("id"))).hasSize(1);
        }
    }
}
