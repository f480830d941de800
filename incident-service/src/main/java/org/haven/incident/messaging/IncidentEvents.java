package org.haven.incident.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.events.HavenEvents;
import org.haven.events.ExternalNotificationOverdue;
import org.haven.events.IncidentAmended;
import org.haven.events.IncidentReported;
import org.haven.incident.domain.Amendment;
import org.haven.incident.domain.ExternalNotification;
import org.haven.incident.domain.Incident;
import org.haven.messaging.Outbox;

import java.time.Instant;

/** Turns incident state changes into events; the narrative never leaves this service. */
@ApplicationScoped
public class IncidentEvents {

    private final Outbox outbox;
    private final String source;

    IncidentEvents(Outbox outbox, @ConfigProperty(name = "haven.source") String source) {
        this.outbox = outbox;
        this.source = source;
    }

    public void reported(Incident incident) {
        IncidentReported data = new IncidentReported(incident.id, incident.siteId, incident.type.name(),
                incident.severity.name(), incident.critical, incident.criticalityRule, incident.occurredAt,
                incident.reportedAt, incident.reporterId, incident.involvedStaffIds, incident.witnessIds);
        outbox.publish(HavenEvents.INCIDENT_REPORTED, source, incident.id.toString(), incident.reportedAt, data);
    }

    public void amended(Incident incident, Amendment amendment) {
        // Only the ids of the people added: the correction and the last-seen details stay in this service.
        IncidentAmended data = new IncidentAmended(incident.id, incident.siteId, amendment.id, amendment.authorId,
                amendment.amendedAt, amendment.addedInvolvedStaffIds, amendment.addedWitnessIds);
        outbox.publish(HavenEvents.INCIDENT_AMENDED, source, incident.id.toString(), amendment.amendedAt, data);
    }

    public void notificationOverdue(ExternalNotification item, Instant now) {
        ExternalNotificationOverdue data = new ExternalNotificationOverdue(item.incidentId, item.siteId, item.incidentType,
                item.id, item.recipient, item.dueAt);
        outbox.publish(HavenEvents.EXTERNAL_NOTIFICATION_OVERDUE, source, item.incidentId.toString(), now, data);
    }
}
