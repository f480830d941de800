package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class EmailRetryTest {

    @Inject
    Directory directory;

    @Test
    void emailThatFailsWhileMailServerIsDownIsSentOnceItIsBack() {
        TestSite site = TestSite.withSupervisors(directory, 1);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        Object alertId;

        GreenMailSmtp.goDown();
        try {
            IncidentFeed.publish(IncidentFeed.announce(incident));
            await().atMost(Duration.ofSeconds(30)).until(() -> AlertsApi.ofIncident(incident).size() == 1);
            alertId = AlertsApi.ofIncident(incident).get(0).get("id");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath delivery = AlertsApi.detail(site.id(), alertId).setRootPath("deliveries[0]");
                assertThat(delivery.getString("status")).isEqualTo("FAILED");
                assertThat(delivery.getInt("attempts")).isGreaterThanOrEqualTo(1);
                assertThat(delivery.getString("lastError")).as("a plain reason, not the mail client's words")
                        .isEqualTo("the mail server could not be reached");
                assertThat(delivery.getString("nextAttemptAt")).isNotNull();
                assertThat(delivery.getString("sentAt")).isNull();
            });
        } finally {
            GreenMailSmtp.comeBack();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath delivery = AlertsApi.detail(site.id(), alertId).setRootPath("deliveries[0]");
            assertThat(delivery.getString("status")).isEqualTo("SENT");
            assertThat(delivery.getInt("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(delivery.getString("sentAt")).isNotNull();
            assertThat(delivery.getString("nextAttemptAt")).isNull();
        });
        assertThat(Mailbox.to(site.supervisor().email())).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("/app/alerts#alert-" + alertId));
    }
}
