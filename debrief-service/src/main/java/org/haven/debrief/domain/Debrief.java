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
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The mandatory restorative debrief after one critical incident, or after a cluster of them for the same
 * team: an incident is never in more than one debrief.
 */
@Entity
public class Debrief extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The incident that opened the debrief. */
    public UUID incidentId;
    public String siteId;
    public String incidentType;
    @Enumerated(EnumType.STRING)
    public DebriefStatus status;
    public Instant reportedAt;
    public Instant createdAt;
    public Instant deadline;
    public Instant startsAt;
    public Instant endsAt;
    public String facilitatorId;
    /** Whether the facilitator is on shift for the proposed slot. */
    public boolean facilitatorOnShift;
    /** The invite's iCalendar UID; every change repeats it with a higher {@link #sequence}. */
    public String calendarUid;
    public int sequence;
    /** Why it was last moved or cancelled, as typed; never sent in an event. */
    public String changeReason;
    public Instant overdueAt;
    public Instant heldAt;
    public Instant closedAt;
    @Version
    public long version;
    @ElementCollection
    @CollectionTable(name = "debrief_participant", joinColumns = @JoinColumn(name = "debrief_id"))
    @OrderColumn(name = "position")
    public List<Participant> participants = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "debrief_incident", joinColumns = @JoinColumn(name = "debrief_id"))
    @OrderColumn(name = "position")
    public List<JoinedIncident> incidents = new ArrayList<>();

    /** The debrief covering the incident, whether it opened the debrief or joined it. */
    public static Optional<Debrief> forIncident(UUID incidentId) {
        return find("select d from Debrief d join d.incidents i where i.incidentId = ?1", incidentId).firstResultOptional();
    }

    public List<String> participantIds() {
        return participants.stream().map(Participant::staffId).toList();
    }

    public List<String> requiredIds() {
        return participants.stream().filter(Participant::required).map(Participant::staffId).toList();
    }

    /** Required participants — and the facilitator — who are off shift in the proposed slot. */
    public List<String> uncoveredIds() {
        List<String> uncovered = new ArrayList<>(participants.stream()
                .filter(p -> p.required() && !p.onShift()).map(Participant::staffId).toList());
        if (facilitatorId != null && !facilitatorOnShift && startsAt != null && !uncovered.contains(facilitatorId)) {
            uncovered.add(facilitatorId);
        }
        return uncovered;
    }

    public List<UUID> incidentIds() {
        return incidents.stream().map(JoinedIncident::incidentId).toList();
    }

    public boolean involves(String staffId) {
        return staffId.equals(facilitatorId) || participants.stream().anyMatch(p -> p.staffId().equals(staffId));
    }

    /** Puts the circle in a slot and records who is on shift for it. */
    void placeIn(ProposedSlot slot) {
        startsAt = slot == null ? null : slot.startsAt();
        endsAt = slot == null ? null : slot.endsAt();
        List<String> covered = slot == null ? List.of() : slot.coveredIds();
        participants.replaceAll(p -> p.withOnShift(covered.contains(p.staffId())));
        facilitatorOnShift = facilitatorId != null && covered.contains(facilitatorId);
    }

    /** Marks who came; anyone not named was absent. */
    void recordAttendance(Set<String> attendeeIds) {
        participants.replaceAll(p -> p.withAttended(attendeeIds.contains(p.staffId())));
    }

    /** Required participants who did not come. */
    public List<String> absentRequiredIds() {
        return participants.stream().filter(p -> p.required() && !Boolean.TRUE.equals(p.attended()))
                .map(Participant::staffId).toList();
    }
}
