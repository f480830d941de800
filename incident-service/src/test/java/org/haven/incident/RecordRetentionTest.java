package org.haven.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.haven.incident.domain.RecordRetention;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class RecordRetentionTest {

    /** Long enough ago that the purge's cutoffs stay years before any other test's records. */
    private static final Instant LONG_AGO = TestTime.now().minus(12 * 366, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    AdjustableClock clock;
    @Inject
    RecordRetention retention;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private String reportAt(Instant at, String site) {
        clock.pin(at);
        String id = IncidentReportingTest.asReporter(site).contentType("application/json")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", site, at))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
        IncidentReportingTest.asReporter(site).contentType("application/json")
                .body("{\"reason\":\"Wrong time\",\"correction\":\"Ten minutes earlier\"}")
                .when().post("/api/incidents/" + id + "/amendments").then().statusCode(201);
        return id;
    }

    private static Instant plus(Instant instant, Period period) {
        return instant.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    private long rows(String table, String column, String incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM " + table + " WHERE " + column + " = CAST(?1 AS uuid)")
                .setParameter(1, incidentId).getSingleResult()).longValue());
    }

    private long recordsOf(String incidentId) {
        return rows("incident", "id", incidentId) + rows("incident_amendment", "incident_id", incidentId)
                + rows("external_notification", "incident_id", incidentId);
    }

    @Test
    void anIncidentPastItsRecordKeepingPeriodIsPurgedWithItsAmendmentsChecklistAndAuditAndAYoungerOneIsKept() {
        String site = "site-" + UUID.randomUUID();
        String old = reportAt(LONG_AGO, site);
        String young = reportAt(LONG_AGO.plus(2, ChronoUnit.DAYS), site);
        assertThat(rows("external_notification", "incident_id", old)).as("an elopement has checklist items").isPositive();
        assertThat(rows("incident_audit", "incident_id", old)).isPositive();

        long before = recordsOf(old);
        clock.pin(plus(LONG_AGO, Period.ofYears(7)).minus(1, ChronoUnit.DAYS));
        retention.purge();
        assertThat(recordsOf(old)).as("a day before its seven years are over, nothing goes").isEqualTo(before);

        clock.pin(plus(LONG_AGO, Period.ofYears(7)).plus(1, ChronoUnit.DAYS));
        RecordRetention.Purged purged = retention.purge();

        assertThat(purged.incidents()).isGreaterThanOrEqualTo(1);
        assertThat(recordsOf(old)).as("incident, amendment and checklist items are gone").isZero();
        assertThat(rows("incident_audit", "incident_id", old)).as("its audit entries are as old, and it is gone").isZero();
        assertThat(rows("incident", "id", young)).isEqualTo(1);
        assertThat(rows("incident_amendment", "incident_id", young)).isEqualTo(1);
        assertThat(rows("incident_audit", "incident_id", young)).as("entries about a kept incident are kept").isPositive();
        given().auth().oauth2(TestTokens.admin("admin-1")).queryParam("actorId", RecordRetention.ACTOR).queryParam("size", 500)
                .when().get("/api/audit")
                .then().statusCode(200)
                .body("items.action", hasItem("PURGED"))
                .body("items.detail.findAll { it.contains('incidents=') && it.contains('incident-cutoff=') }.size()",
                        greaterThan(0));
    }

    @Test
    void purgingAgainRemovesNothingAndWritesNoFurtherEntry() {
        String site = "site-" + UUID.randomUUID();
        String old = reportAt(LONG_AGO.plus(10, ChronoUnit.DAYS), site);
        clock.pin(plus(LONG_AGO, Period.ofYears(7)).plus(20, ChronoUnit.DAYS));
        retention.purge();
        assertThat(recordsOf(old)).isZero();
        long entries = purgeEntries();

        RecordRetention.Purged again = retention.purge();

        assertThat(List.of(again.incidents(), again.amendments(), again.checklistItems(), again.auditEntries()))
                .containsOnly(0);
        assertThat(purgeEntries()).isEqualTo(entries);
    }

    @Test
    void aJurisdictionWithALongerPeriodKeepsItsSitesRecordsLonger() {
        String longSite = "site-long-records";
        String kept = reportAt(LONG_AGO.plus(30, ChronoUnit.DAYS), longSite);
        String gone = reportAt(LONG_AGO.plus(30, ChronoUnit.DAYS), "site-" + UUID.randomUUID());

        clock.pin(plus(LONG_AGO, Period.ofYears(8)));
        retention.purge();
        assertThat(rows("incident", "id", gone)).as("the default seven years are over").isZero();
        assertThat(rows("incident", "id", kept)).as("its jurisdiction keeps ten years").isEqualTo(1);

        clock.pin(plus(LONG_AGO, Period.ofYears(10)).plus(31, ChronoUnit.DAYS));
        retention.purge();
        assertThat(recordsOf(kept)).isZero();
    }

    @Test
    void theAuditLogStillRefusesEveryOtherDelete() {
        String site = "site-" + UUID.randomUUID();
        String id = reportAt(LONG_AGO.plus(40, ChronoUnit.DAYS), site);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("SELECT set_config('haven.retention_purge', 'on', true)").getSingleResult();
            entityManager.createNativeQuery("DELETE FROM incident_audit WHERE incident_id = CAST(?1 AS uuid)")
                    .setParameter(1, id).executeUpdate();
        })).as("an entry about an incident that still exists").isInstanceOf(PersistenceException.class);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("DELETE FROM incident_amendment WHERE incident_id = CAST(?1 AS uuid)")
                        .setParameter(1, id).executeUpdate()))
                .as("outside the purge").isInstanceOf(PersistenceException.class);
    }

    private long purgeEntries() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM incident_audit WHERE action = 'PURGED'").getSingleResult()).longValue());
    }
}
