package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** The written record of a held circle: only what the facilitator chose to write. */
@Entity
public class CircleRecord extends PanacheEntityBase {

    @Id
    public UUID debriefId;
    public String opening;
    public String whatHappened;
    public String reactions;
    public String whatHelped;
    public String sharedValues;
    public String supportNeeds;
    public String writtenBy;
    public Instant writtenAt;

    public CircleNotes notes() {
        return new CircleNotes(opening, whatHappened, reactions, whatHelped, sharedValues, supportNeeds);
    }

    static CircleRecord of(UUID debriefId, CircleNotes notes, String writtenBy, Instant writtenAt) {
        CircleRecord record = new CircleRecord();
        record.debriefId = debriefId;
        record.opening = blankToNull(notes.opening());
        record.whatHappened = blankToNull(notes.whatHappened());
        record.reactions = blankToNull(notes.reactions());
        record.whatHelped = blankToNull(notes.whatHelped());
        record.sharedValues = blankToNull(notes.sharedValues());
        record.supportNeeds = blankToNull(notes.supportNeeds());
        record.writtenBy = writtenBy;
        record.writtenAt = writtenAt;
        return record;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
