package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestSignIn;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The alert email, the text and the live alert card link to the supervisor's incident page, served by
 * incident-service (haven.notification.notices.incidents-url): the link is the incident id and nothing else.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class IncidentLinkTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** incident-service's pages in the tests (the default of HAVEN_INCIDENT_APP_URL), not notification-service's 8083. */
    private static final String INCIDENTS = "http://localhost:8081/app/incidents/";

    @Inject
    Directory directory;

    private static ChainSite.Person paged(ChainSite site, IncidentReported incident) {
        IncidentFeed.publish(IncidentFeed.announce(incident));
        ChainSite.Person onCall = site.onCall();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Mailbox.to(onCall.email())).hasSize(1);
            assertThat(SmsProvider.to(onCall.phone())).hasSize(1);
        });
        return onCall;
    }

    /** Every link of a message to incident-service's pages, as written. */
    private static List<String> incidentLinks(String message) {
        Matcher links = Pattern.compile("http://localhost:8081/\\S*").matcher(message);
        return links.results().map(java.util.regex.MatchResult::group).toList();
    }

    @Test
    void theAlertEmailLinksToTheIncidentPageByItsIdAlone() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopementAt(site.id(), Instant.parse("2026-01-15T15:04:00Z"));
        String email = Mailbox.to(paged(site, incident).email()).get(0).text();

        assertThat(incidentLinks(email)).containsExactly(INCIDENTS + incident.incidentId());
        assertThat(email).containsPattern("the calls due and their deadlines:\\R" + Pattern.quote(INCIDENTS + incident.incidentId()));
    }

    @Test
    void theAlertTextLinksToTheIncidentPageByItsIdAlone() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        String text = SmsProvider.to(paged(site, incident).phone()).get(0).body();

        assertThat(incidentLinks(text)).containsExactly(INCIDENTS + incident.incidentId());
    }

    @Test
    void theLiveAlertCardLinksToTheIncidentPage() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        ChainSite.Person onCall = paged(site, incident);
        Cookies session = TestSignIn.session("/app/alerts", TestTokens.supervisor(onCall.id(), site.id()));

        given().redirects().follow(false).cookies(session).header("X-Requested-With", "JavaScript")
                .when().get("/app/api/alerts").then().statusCode(200)
                .body("find { it.incidentType == 'ELOPEMENT' }.incidentPage", equalTo(INCIDENTS + incident.incidentId()));
        given().when().get("/js/alerts.js").then().statusCode(200)
                .body(containsString("alert.incidentPage"), containsString("Open the incident"));
    }
}
