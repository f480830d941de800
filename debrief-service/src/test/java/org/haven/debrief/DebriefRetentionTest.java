package org.haven.debrief;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.debrief.domain.DebriefRetention;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.RosterFixture.at;

/**
 * A circle's notes are kept a year after they were written, the debrief itself seven years (the test profile's
 * periods are the defaults). Everything happens in 2016, years before any other test's debriefs.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class DebriefRetentionTest extends PeopleOfThisRun {

    private static final String PRIVATE_WORDS = "I froze when the door alarm went";

    @Inject
    AdjustableClock clock;
    @Inject
    DebriefRetention retention;
    @Inject
    EntityManager entityManager;

    String debriefId;

    @BeforeEach
    void aCircleHeldInNovember2016() {
        RosterFixture.supervisor(site, supervisor);
        RosterFixture.facilitator(site, facilitator);
        for (String person : List.of(ana, ben, supervisor, facilitator)) {
            RosterFixture.shift(site, person, "2016-11-21T08:00", "2016-11-21T16:00");
        }
        clock.pin(at("2016-11-20T21:41"));
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, site, at("2016-11-20T21:40"), ana, List.of(ben), List.of());
        IncidentFeed.send(elopement);
        debriefId = awaitDebriefOf(elopement);
        clock.pin(at("2016-11-21T09:00"));
        given().auth().oauth2(TestTokens.staff(facilitator, site)).contentType("application/json")
                .body(Map.of("attendeeIds", List.of(ana, ben, supervisor, facilitator),
                        "notes", Map.of("whatHappened", "Client left through the side door", "reactions", PRIVATE_WORDS),
                        "actions", List.of(Map.of("description", "Fix the side door alarm", "ownerId", supervisor, "dueOn", "2016-11-28"))))
                .when().post("/api/debriefs/" + debriefId + "/held")
                .then().statusCode(200).body("status", equalTo("HELD"));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private long rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, debriefId).getSingleResult()).longValue());
    }

    @Test
    void aYearAfterTheCircleItsNotesAreRemovedAndTheDebriefWithItsAttendanceAndActionsStays() {
        clock.pin(at("2017-11-20T09:00"));
        retention.purge();
        assertThat(rows("SELECT count(*) FROM circle_record WHERE debrief_id = CAST(?1 AS uuid) AND reactions = '" + PRIVATE_WORDS + "'"))
                .as("a day short of a year, the notes stay").isEqualTo(1);

        clock.pin(at("2017-11-22T09:00"));
        DebriefRetention.Purged purged = retention.purge();

        assertThat(purged.notesRemoved()).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).when().get("/api/debriefs/" + debriefId)
                .then().statusCode(200)
                .body("status", equalTo("HELD"));
        assertThat(rows("SELECT count(*) FROM action_item WHERE debrief_id = CAST(?1 AS uuid)")).isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM circle_record WHERE debrief_id = CAST(?1 AS uuid)"
                + " AND reactions IS NULL AND what_happened IS NULL")).isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM debrief_participant WHERE debrief_id = CAST(?1 AS uuid)")).isPositive();
        assertThat(rows("SELECT count(*) FROM circle_record WHERE debrief_id = CAST(?1 AS uuid) AND notes_removed_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM debrief_audit WHERE action = 'PURGED' AND actor_id = 'retention'"
                + " AND detail LIKE '%circle-notes-removed=%' AND CAST(?1 AS text) IS NOT NULL")).isPositive();
    }

    @Test
    void sevenYearsOnTheDebriefIsDeletedWithEverythingAboutItAndPurgingAgainChangesNothing() {
        clock.pin(at("2023-11-20T09:00"));
        retention.purge();
        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).when().get("/api/debriefs/" + debriefId)
                .then().statusCode(200);

        clock.pin(at("2023-11-22T09:00"));
        retention.purge();

        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).when().get("/api/debriefs/" + debriefId)
                .then().statusCode(404);
        assertThat(rows("SELECT (SELECT count(*) FROM debrief_participant WHERE debrief_id = CAST(?1 AS uuid))"
                + " + (SELECT count(*) FROM debrief_incident WHERE debrief_id = CAST(?1 AS uuid))"
                + " + (SELECT count(*) FROM circle_record WHERE debrief_id = CAST(?1 AS uuid))"
                + " + (SELECT count(*) FROM action_item WHERE debrief_id = CAST(?1 AS uuid))")).isZero();

        long entries = rows("SELECT count(*) FROM debrief_audit WHERE CAST(?1 AS text) IS NOT NULL");
        DebriefRetention.Purged again = retention.purge();
        assertThat(List.of(again.debriefs(), again.notesRemoved(), again.reasonsRemoved(), again.auditEntries())).containsOnly(0);
        assertThat(rows("SELECT count(*) FROM debrief_audit WHERE CAST(?1 AS text) IS NOT NULL")).isEqualTo(entries);
    }
}
