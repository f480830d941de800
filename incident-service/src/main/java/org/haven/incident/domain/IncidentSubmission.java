package org.haven.incident.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.util.UUID;

/**
 * Makes a report submission safe to retry. A phone with one bar of signal resends the same report
 * (same {@code Idempotency-Key}) until it hears back; the first one to reach the database stores the
 * incident, and every other one, even one racing it on another replica, gets that same incident back.
 * The unique constraint on the key is what decides, not the look-up before it.
 */
@ApplicationScoped
public class IncidentSubmission {

    private static final String KEY_CONSTRAINT = "incident_idempotency_key_unique";

    private final IncidentReporting reporting;
    private final PeopleOfTheSite people;

    IncidentSubmission(IncidentReporting reporting, PeopleOfTheSite people) {
        this.reporting = reporting;
        this.people = people;
    }

    /** The stored incident and whether this call created it. */
    public record Outcome(Incident incident, boolean created) {
    }

    /** Refuses, before anything is stored, a report naming someone who does not work at its site. */
    public Outcome submit(IncidentReporting.Report report, String actorId, UUID idempotencyKey) {
        people.require(report.siteId(), PeopleOfTheSite.fields("involvedStaffIds", report.involvedStaffIds(),
                "witnessIds", report.witnessIds()));
        if (idempotencyKey == null) {
            return new Outcome(reporting.report(report, actorId, null), true);
        }
        try {
            // The look-up and the report share one transaction: a retry costs one query, a first submission one more.
            return QuarkusTransaction.requiringNew().call(() -> {
                Incident earlier = Incident.findByIdempotencyKey(idempotencyKey);
                return earlier != null
                        ? new Outcome(earlier, false)
                        : new Outcome(reporting.report(report, actorId, idempotencyKey), true);
            });
        } catch (PersistenceException e) {
            if (!violates(e, KEY_CONSTRAINT)) {
                throw e;
            }
            // A submission with the same key committed between our look-up and our insert: it won.
            Incident winner = QuarkusTransaction.requiringNew().call(() -> Incident.findByIdempotencyKey(idempotencyKey));
            if (winner == null) {
                throw e;
            }
            return new Outcome(winner, false);
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && violation.getConstraintName().toLowerCase().contains(constraint)) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
