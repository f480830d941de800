package org.haven.incident.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.incident.domain.Incident;
import org.haven.messaging.Outbox;

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
                incident.reportedAt, incident.reporterId, incident.involvedStaffIds, incident.witnessIds, incident.clientCodes);
        outbox.publish(HavenEvents.INCIDENT_REPORTED, source, incident.id.toString(), incident.reportedAt, data);
    }
}
