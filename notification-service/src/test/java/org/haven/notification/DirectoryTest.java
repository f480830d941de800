package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.SiteRole;
import org.haven.notification.persistence.DirectorySeed;
import java.util.List;
import org.haven.notification.domain.Site;
import org.haven.notification.domain.EscalationTarget;
import org.haven.notification.domain.EscalationLevel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class DirectoryTest {

    @Inject
    Directory directory;
    @Inject
    DirectorySeed seed;

    @Test
    void demoDirectoryListsEachSiteWithItsSupervisorAndProgramDirector() {
        given().auth().oauth2(TestTokens.admin("admin")).when().get("/api/directory/sites")
                .then().statusCode(200)
                .body("find { it.id == 'site-north' }.name", equalTo("North House"))
                .body("find { it.id == 'site-north' }.staff", hasSize(4))
                .body("find { it.id == 'site-north' }.staff.find { it.role == 'SUPERVISOR' }.personId", equalTo("sup-north"))
                .body("find { it.id == 'site-north' }.staff.find { it.role == 'SUPERVISOR' }.displayName", equalTo("Sam Rivera"))
                .body("find { it.id == 'site-north' }.staff.find { it.role == 'SUPERVISOR' }.email", equalTo("sam.rivera@haven.example"))
                .body("find { it.id == 'site-south' }.staff.find { it.role == 'SUPERVISOR' }.displayName", equalTo("Jo Chen"))
                .body("find { it.id == 'site-north' }.staff.find { it.role == 'PROGRAM_DIRECTOR' }.displayName", equalTo("Alex Morgan"))
                .body("find { it.id == 'site-south' }.staff.find { it.role == 'PROGRAM_DIRECTOR' }.personId", equalTo("dir-1"));
    }

    @Test
    void loadingTheSeedAgainLeavesOneCopyOfEverything() {
        seed.load("demo");
        seed.load("demo");

        assertThat(directory.members("site-north")).extracting(m -> m.person().id + "/" + m.role())
                .containsExactly("sup-north/SUPERVISOR", "dir-1/PROGRAM_DIRECTOR", "dir-1/FACILITATOR", "staff-cy/FACILITATOR");
        assertThat(directory.withRole("site-south", SiteRole.SUPERVISOR)).extracting(p -> p.id).containsExactly("sup-south");
    }

    @Test
    void loadingTheSeedAgainKeepsTheChainAnAdminSet() {
        List<EscalationLevel> seeded = directory.configuredChain("site-south");
        int seededRepeats = QuarkusTransaction.requiringNew().call(() -> Site.<Site>findById("site-south").escalationRepeats);
        try {
            directory.replaceChain("site-south", 1, List.of(
                    EscalationLevel.of("site-south", 0, Duration.ZERO, EscalationTarget.SUPERVISORS, null),
                    EscalationLevel.of("site-south", 0, Duration.ofMinutes(7), EscalationTarget.PROGRAM_DIRECTORS, null)));

            seed.load("demo");

            assertThat(directory.configuredChain("site-south")).extracting(EscalationLevel::after)
                    .containsExactly(Duration.ZERO, Duration.ofMinutes(7));
        } finally {
            directory.replaceChain("site-south", seededRepeats, seeded.stream()
                    .map(l -> EscalationLevel.of("site-south", 0, l.after(), l.target, l.personId)).toList());
        }
    }

    @Test
    void demoSupervisorIsAlertedForTheirSiteAndTheProgramDirectorIsNot() {
        IncidentReported incident = IncidentFeed.elopement("site-south");

        IncidentFeed.publish(IncidentFeed.announce(incident));

        await().atMost(Duration.ofSeconds(30)).until(() -> AlertsApi.ofIncident(incident).size() == 1);
        Map<String, Object> alert = AlertsApi.ofIncident(incident).get(0);
        assertThat(alert).containsEntry("recipientId", "sup-south");
        Object id = alert.get("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Mailbox.to("jo.chen@haven.example"))
                .filteredOn(mail -> mail.text().contains("/app/alerts#alert-" + id))
                .singleElement().satisfies(mail -> assertThat(mail.subject()).isEqualTo("Critical incident at South House: Elopement")));
        given().auth().oauth2(TestTokens.supervisor("sup-south", "site-south")).queryParam("site", "site-south").queryParam("incidentId", incident.incidentId())
                .when().get("/api/alerts")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void unknownAlertIsNotFoundAsProblem() {
        given().auth().oauth2(TestTokens.supervisor("sup-north", "site-north")).when().get("/api/alerts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
