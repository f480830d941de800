package org.haven.debrief.api;

import org.haven.debrief.domain.Shift;

import java.time.Instant;
import java.util.UUID;

public record ShiftView(UUID id, String staffId, String siteId, Instant startsAt, Instant endsAt) {

    static ShiftView of(Shift shift) {
        return new ShiftView(shift.id, shift.staffId, shift.siteId, shift.startsAt, shift.endsAt);
    }
}
