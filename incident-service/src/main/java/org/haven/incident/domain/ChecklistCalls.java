package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.incident.persistence.SiteDirectory;

import java.time.Clock;
import java.time.Instant;

/**
 * Records, from the supervisor's page, that a required call was made: by whom (the one who taps, or another person of
 * the site), when (now, or earlier), and the number the agency gave. Nothing is stored unless all of it holds.
 */
@ApplicationScoped
public class ChecklistCalls {

    /** A detail of the call that cannot be right; {@code field} is the request field it came from. */
    public static class InvalidCall extends RuntimeException {
        private final String field;

        InvalidCall(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public record Call(String madeBy, Instant madeAt, String reference) {
    }

    private final SiteDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    ChecklistCalls(SiteDirectory directory, AuditTrail audit, Clock clock) {
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Marks the item done with {@code call}'s details ({@code madeBy} null: the recorder; {@code madeAt} null: now).
     * An item already done keeps its first record: a second tap changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExternalNotification record(Incident incident, ExternalNotification item, Call call, String recorderId) {
        Instant now = clock.instant();
        String madeBy = call.madeBy() == null || call.madeBy().isBlank() ? recorderId : call.madeBy();
        if (!madeBy.equals(recorderId) && !directory.worksAt(incident.siteId, madeBy)) {
            throw new InvalidCall("madeBy", "is not a person of site " + incident.siteId);
        }
        Instant madeAt = call.madeAt() == null ? now : call.madeAt();
        if (madeAt.isAfter(now)) {
            throw new InvalidCall("madeAt", "is in the future");
        }
        if (madeAt.isBefore(incident.occurredAt)) {
            throw new InvalidCall("madeAt", "is before the incident occurred");
        }
        if (item.isDone()) {
            return item;
        }
        item.doneBy = madeBy;
        item.doneAt = madeAt;
        item.reference = call.reference() == null || call.reference().isBlank() ? null : call.reference().strip();
        item.recordedBy = madeBy.equals(recorderId) ? null : recorderId;
        audit.record(recorderId, AuditEntry.Action.NOTIFICATION_DONE, incident);
        return item;
    }
}
