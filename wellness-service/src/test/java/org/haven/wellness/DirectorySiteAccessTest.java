package org.haven.wellness;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.events.OrganisationPerson;
import org.haven.events.WorkPattern;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.minutesAgo;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

/**
 * The directory decides a person's sites and where they supervise; the token is the identity provider's copy. A site
 * only the token names is refused with a 403 problem naming it and nothing is stored, a person the directory does not
 * know has no site, and every disagreement is counted in {@code haven.site.access.refused} for admins.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class DirectorySiteAccessTest {

    @Inject
    MeterRegistry registry;

    private static OrganisationPerson worksAt(String personId, String site, OrganisationPerson.Role... roles) {
        return new OrganisationPerson(personId, "Staff " + personId, List.of(roles),
                List.of(new OrganisationPerson.SiteShifts(site, new WorkPattern(List.of(), List.of()))));
    }

    private double refused(String side) {
        return registry.counter("haven.site.access.refused", "side", side).count();
    }

    @Test
    void aSiteOnlyTheTokenNamesIsRefusedByNameStoresNothingAndIsCounted() {
        String north = unique("site-north");
        String south = unique("site-south");
        String ana = unique("ana");
        DirectoryTokens.publish(worksAt(ana, north));
        String token = TestTokens.staff(ana, north, south);
        double before = refused("token");

        given().auth().oauth2(token).contentType("application/json").body(Map.of("siteId", south))
                .when().post("/api/conversations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(south)).body("detail", containsString("directory"));
        given().auth().oauth2(token).queryParam("site", south).when().get("/api/followups")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString(south));

        assertThat(conversationsOf(ana)).as("a refused request stores nothing").isZero();
        assertThat(refused("token")).isGreaterThanOrEqualTo(before + 2);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("siteId", north))
                .when().post("/api/conversations").then().statusCode(201);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("haven_site_access_refused_total"));
    }

    @Test
    void aSupervisorInTheTokenWhomTheDirectoryDoesNotMakeSupervisorSeesOnlyTheirOwnFollowUps() {
        IncidentReported incident = critical(unique("site"), minutesAgo(30), unique("ana"), List.of(), List.of());
        send(incident);
        awaitFollowUps(incident, 3);
        String ben = unique("ben");
        DirectoryTokens.publish(worksAt(ben, incident.siteId()));            // works there, supervises nowhere
        String lead = unique("lead");
        DirectoryTokens.publish(worksAt(lead, incident.siteId(), new OrganisationPerson.Role(incident.siteId(), "SUPERVISOR")));

        given().auth().oauth2(TestTokens.supervisor(ben, incident.siteId())).queryParam("incidentId", incident.incidentId().toString())
                .when().get("/api/followups").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.supervisor(lead, incident.siteId())).queryParam("incidentId", incident.incidentId().toString())
                .when().get("/api/followups").then().statusCode(200).body("total", equalTo(3));
        String conversation = CheckIns.followUpOf(incident, incident.reporterId(), "SUPERVISOR_CHECK_IN");
        given().auth().oauth2(TestTokens.supervisor(ben, incident.siteId())).contentType("application/json")
                .when().post("/api/followups/" + conversation + "/held").then().statusCode(404);
    }

    @Test
    void aPersonTheDirectoryDoesNotKnowHasNoSiteAndASiteOnlyTheDirectoryGivesWaitsForTheToken() {
        String site = unique("site");
        String stranger = unique("stranger");
        double unknownBefore = refused("unknown-person");

        given().auth().oauth2(TestTokens.director(stranger, site)).when().get("/api/team/aggregates")
                .then().statusCode(200).body("$", empty());
        given().auth().oauth2(TestTokens.staff(stranger, site)).contentType("application/json").body(Map.of("siteId", site))
                .when().post("/api/conversations").then().statusCode(403).contentType("application/problem+json");
        assertThat(refused("unknown-person")).isGreaterThanOrEqualTo(unknownBefore + 2);

        String cy = unique("cy");
        DirectoryTokens.publish(worksAt(cy, site));
        double directoryBefore = refused("directory");
        given().auth().oauth2(TestTokens.staff(cy)).contentType("application/json").body(Map.of("siteId", site))
                .when().post("/api/conversations").then().statusCode(403);
        assertThat(refused("directory")).isGreaterThanOrEqualTo(directoryBefore + 1);
        assertThat(conversationsOf(cy)).isZero();
    }

    private static long conversationsOf(String staffId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM conversation_request WHERE staff_id = ?1")
                .setParameter(1, staffId).getSingleResult()).longValue());
    }
}
