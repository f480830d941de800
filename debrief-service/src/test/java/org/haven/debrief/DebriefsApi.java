package org.haven.debrief;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import org.haven.events.EventType;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.TestTokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Reads debrief-service's outcome the way a client and the outbox relay would see it. */
final class DebriefsApi {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private DebriefsApi() {
    }

    /** A request as the program director of the site. */
    static RequestSpecification asDirectorOf(String... sites) {
        return given().auth().oauth2(TestTokens.director("dir-test", sites));
    }

    /** Waits until the incident has its debrief and returns the debrief's id. */
    static String awaitDebriefOf(IncidentReported incident) {
        await().atMost(PATIENCE).until(() -> debriefCount(incident), equalTo(1));
        return asDirectorOf(incident.siteId()).queryParam("incidentId", incident.incidentId().toString())
                .when().get("/api/debriefs")
                .then().statusCode(200)
                .extract().path("items[0].id");
    }

    static int debriefCount(IncidentReported incident) {
        return asDirectorOf(incident.siteId()).queryParam("incidentId", incident.incidentId().toString())
                .when().get("/api/debriefs")
                .then().statusCode(200)
                .extract().path("total");
    }

    /** DebriefScheduled events recorded in the outbox for an incident, sent or not yet sent. */
    static long scheduledEventsRecordedFor(UUID incidentId) {
        return eventsRecorded(HavenEvents.DEBRIEF_SCHEDULED, "\"incidentId\":\"" + incidentId + "\"");
    }

    /** Events of a type recorded in the outbox whose payload contains the text. */
    static long eventsRecorded(EventType<?> type, String containing) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM haven_outbox WHERE event_type = ?1 AND payload LIKE ?2")
                .setParameter(1, type.name())
                .setParameter(2, "%" + containing + "%")
                .getSingleResult()).longValue());
    }

    /** Whether debrief-service's consumer applied the event (rather than failing it to the dead-letter topic). */
    static boolean applied(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM haven_inbox WHERE consumer = 'debrief-service' AND event_id = ?1")
                .setParameter(1, eventId)
                .getSingleResult()).longValue() == 1);
    }
}
