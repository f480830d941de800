package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The mandatory restorative debrief after one critical incident; there is never more than one per incident. */
@Entity
public class Debrief extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID incidentId;
    public String siteId;
    public String incidentType;
    @Enumerated(EnumType.STRING)
    public DebriefStatus status;
    public Instant reportedAt;
    public Instant createdAt;
    public Instant deadline;
    @ElementCollection
    @CollectionTable(name = "debrief_participant", joinColumns = @JoinColumn(name = "debrief_id"))
    @OrderColumn(name = "position")
    public List<Participant> participants = new ArrayList<>();

    public static Optional<Debrief> forIncident(UUID incidentId) {
        return find("incidentId", incidentId).firstResultOptional();
    }
}
