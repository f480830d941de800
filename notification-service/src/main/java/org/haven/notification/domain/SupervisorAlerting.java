package org.haven.notification.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.events.IncidentReported;
import org.haven.notification.messaging.AlertEmailSender;
import org.haven.notification.messaging.AlertEvents;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts the supervisors of a critical incident's site: one alert per supervisor, each with an email
 * delivery that is sent once the caller's transaction commits, and an {@code AlertRaised} event.
 * Raising again for the same incident adds only what is missing, so a re-announced incident alerts
 * no one twice. An incident no one can be routed to is kept as one UNROUTABLE alert.
 */
@ApplicationScoped
public class SupervisorAlerting {

    private static final Logger LOG = Logger.getLogger(SupervisorAlerting.class);

    private final Directory directory;
    private final AlertEvents events;
    private final AlertEmailSender emails;
    private final Clock clock;
    private final MeterRegistry meters;

    SupervisorAlerting(Directory directory, AlertEvents events, AlertEmailSender emails, Clock clock, MeterRegistry meters) {
        this.directory = directory;
        this.events = events;
        this.emails = emails;
        this.clock = clock;
        this.meters = meters;
    }

    /** Raises the alerts a reported incident calls for (none unless it is critical) and returns the new ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Alert> onIncidentReported(IncidentReported incident) {
        if (!incident.critical()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Person> supervisors = directory.withRole(incident.siteId(), SiteRole.SUPERVISOR);
        if (supervisors.isEmpty()) {
            return unroutable(incident, now);
        }
        List<Alert> raised = new ArrayList<>();
        for (Person supervisor : supervisors) {
            if (Alert.exists(incident.incidentId(), supervisor.id)) {
                continue;
            }
            Alert alert = Alert.raised(incident, supervisor.id, now);
            alert.persist();
            Delivery.pendingEmail(alert, supervisor.email, now).persist();
            events.raised(alert);
            raised.add(alert);
        }
        if (!raised.isEmpty()) {
            emails.sendAfterCommit();
            meters.counter("haven.alerts", "status", AlertStatus.RAISED.name()).increment(raised.size());
        }
        return raised;
    }

    private List<Alert> unroutable(IncidentReported incident, Instant now) {
        String why = directory.site(incident.siteId()).isPresent() ? "has no supervisor in the directory" : "is not in the directory";
        LOG.warnf("Critical incident %s cannot be routed: site '%s' %s. Recorded as an UNROUTABLE alert.",
                incident.incidentId(), incident.siteId(), why);
        if (Alert.exists(incident.incidentId(), null)) {
            return List.of();
        }
        Alert alert = Alert.unroutable(incident, now);
        alert.persist();
        meters.counter("haven.alerts", "status", AlertStatus.UNROUTABLE.name()).increment();
        return List.of(alert);
    }
}
