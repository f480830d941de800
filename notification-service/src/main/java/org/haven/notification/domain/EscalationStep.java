package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A durable timer: page {@code level} of round {@code round} of an incident's chain at {@code dueAt}. */
@Entity
public class EscalationStep extends PanacheEntityBase {

    public enum Status { PENDING, FIRED, CANCELLED }

    @Id
    public UUID id;
    public UUID incidentId;
    public int round;
    public int level;
    public Instant roundStartedAt;
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant firedAt;

    static EscalationStep pending(UUID incidentId, int round, int level, Instant roundStartedAt, Instant dueAt) {
        EscalationStep step = new EscalationStep();
        step.id = UUID.randomUUID();
        step.incidentId = incidentId;
        step.round = round;
        step.level = level;
        step.roundStartedAt = roundStartedAt;
        step.dueAt = dueAt;
        step.status = Status.PENDING;
        return step;
    }
}
