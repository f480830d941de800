package org.haven.events;

import java.util.List;
import java.util.Map;

/**
 * Every event type Haven publishes, with the data version it writes (and the oldest one its consumers still read) and its topic
 * ({@code <aggregate>.events}; the dead-letter topic of a consumer of it is {@code <topic>.dlq}).
 */
public final class HavenEvents {

    public static final String INCIDENT_TOPIC = "incident.events";
    public static final String DEBRIEF_TOPIC = "debrief.events";
    public static final String NOTIFICATION_TOPIC = "notification.events";
    public static final String WELLNESS_TOPIC = "wellness.events";
    /**
     * Compacted state topics, not histories: each record is the whole current state of one site or person (key =
     * its id), a tombstone removes it, so a projection read from the start arrives at the organisation as it is.
     */
    public static final String SITES_TOPIC = "organisation.sites";
    public static final String PEOPLE_TOPIC = "organisation.people";

    /** v2 dropped {@code clientCodes}: no consumer read them, and a client's code has no business outside incident-service. */
    public static final EventType<IncidentReported> INCIDENT_REPORTED =
            new EventType<>("org.haven.incident.IncidentReported", 2, 1, INCIDENT_TOPIC, IncidentReported.class);
    public static final EventType<DebriefScheduled> DEBRIEF_SCHEDULED =
            new EventType<>("org.haven.debrief.DebriefScheduled", 1, DEBRIEF_TOPIC, DebriefScheduled.class);
    public static final EventType<AlertRaised> ALERT_RAISED =
            new EventType<>("org.haven.notification.AlertRaised", 1, NOTIFICATION_TOPIC, AlertRaised.class);
    public static final EventType<FollowUpOpened> FOLLOW_UP_OPENED =
            new EventType<>("org.haven.wellness.FollowUpOpened", 1, WELLNESS_TOPIC, FollowUpOpened.class);

    public static final EventType<IncidentAmended> INCIDENT_AMENDED =
            new EventType<>("org.haven.incident.IncidentAmended", 2, 1, INCIDENT_TOPIC, IncidentAmended.class);
    public static final EventType<ExternalNotificationOverdue> EXTERNAL_NOTIFICATION_OVERDUE =
            new EventType<>("org.haven.incident.ExternalNotificationOverdue", 1, INCIDENT_TOPIC, ExternalNotificationOverdue.class);

    /** v2 dropped the free-text {@code reason}: what someone typed about a debrief stays in debrief-service. */
    public static final EventType<DebriefRescheduled> DEBRIEF_RESCHEDULED =
            new EventType<>("org.haven.debrief.DebriefRescheduled", 2, 1, DEBRIEF_TOPIC, DebriefRescheduled.class);
    /** v2 dropped the free-text {@code reason}, as {@link #DEBRIEF_RESCHEDULED} did. */
    public static final EventType<DebriefCancelled> DEBRIEF_CANCELLED =
            new EventType<>("org.haven.debrief.DebriefCancelled", 2, 1, DEBRIEF_TOPIC, DebriefCancelled.class);
    public static final EventType<DebriefHeld> DEBRIEF_HELD =
            new EventType<>("org.haven.debrief.DebriefHeld", 1, DEBRIEF_TOPIC, DebriefHeld.class);
    public static final EventType<DebriefOverdue> DEBRIEF_OVERDUE =
            new EventType<>("org.haven.debrief.DebriefOverdue", 1, DEBRIEF_TOPIC, DebriefOverdue.class);
    public static final EventType<DebriefClosed> DEBRIEF_CLOSED =
            new EventType<>("org.haven.debrief.DebriefClosed", 1, DEBRIEF_TOPIC, DebriefClosed.class);
    public static final EventType<DebriefActionDue> DEBRIEF_ACTION_DUE =
            new EventType<>("org.haven.debrief.DebriefActionDue", 1, DEBRIEF_TOPIC, DebriefActionDue.class);

    public static final EventType<AlertAcknowledged> ALERT_ACKNOWLEDGED =
            new EventType<>("org.haven.notification.AlertAcknowledged", 1, NOTIFICATION_TOPIC, AlertAcknowledged.class);
    public static final EventType<AlertEscalated> ALERT_ESCALATED =
            new EventType<>("org.haven.notification.AlertEscalated", 1, NOTIFICATION_TOPIC, AlertEscalated.class);

    public static final EventType<CheckInDue> CHECK_IN_DUE =
            new EventType<>("org.haven.wellness.CheckInDue", 1, WELLNESS_TOPIC, CheckInDue.class);
    public static final EventType<ExposureThresholdReached> EXPOSURE_THRESHOLD_REACHED =
            new EventType<>("org.haven.wellness.ExposureThresholdReached", 1, WELLNESS_TOPIC, ExposureThresholdReached.class);
    public static final EventType<ConversationRequested> CONVERSATION_REQUESTED =
            new EventType<>("org.haven.wellness.ConversationRequested", 1, WELLNESS_TOPIC, ConversationRequested.class);

    public static final EventType<OrganisationSite> ORGANISATION_SITE =
            new EventType<>("org.haven.notification.OrganisationSite", 1, SITES_TOPIC, OrganisationSite.class);
    public static final EventType<OrganisationPerson> ORGANISATION_PERSON =
            new EventType<>("org.haven.notification.OrganisationPerson", 1, PEOPLE_TOPIC, OrganisationPerson.class);

    /** Every topic Haven uses, each followed by its dead-letter topic: what an admin creates up front. */
    public static final List<String> ALL_TOPICS = List.of(
            INCIDENT_TOPIC, deadLetterTopic(INCIDENT_TOPIC),
            DEBRIEF_TOPIC, deadLetterTopic(DEBRIEF_TOPIC),
            NOTIFICATION_TOPIC, deadLetterTopic(NOTIFICATION_TOPIC),
            WELLNESS_TOPIC, deadLetterTopic(WELLNESS_TOPIC),
            SITES_TOPIC, deadLetterTopic(SITES_TOPIC),
            PEOPLE_TOPIC, deadLetterTopic(PEOPLE_TOPIC));

    /** The topics whose records are state per key (compacted), not events to keep for a while. */
    public static final List<String> COMPACTED_TOPICS = List.of(SITES_TOPIC, PEOPLE_TOPIC);

    /**
     * The one publisher of each topic, by the CloudEvents {@code source} it stamps on its events (its
     * {@code haven.source}). Consumers refuse an event on a topic from any other source, and the Kafka ACLs in
     * deploy/kubernetes let only that service write the topic: the two together keep, say, a forged
     * {@code IncidentReported} from starting alerts, debriefs and follow-ups.
     */
    public static final Map<String, String> TOPIC_OWNERS = Map.of(
            INCIDENT_TOPIC, "/incident-service",
            DEBRIEF_TOPIC, "/debrief-service",
            NOTIFICATION_TOPIC, "/notification-service",
            WELLNESS_TOPIC, "/wellness-service",
            SITES_TOPIC, "/notification-service",
            PEOPLE_TOPIC, "/notification-service");

    private HavenEvents() {
    }

    /** The source of the only service that may publish on {@code topic}. */
    public static String ownerOf(String topic) {
        String owner = TOPIC_OWNERS.get(topic);
        if (owner == null) {
            throw new IllegalArgumentException("'" + topic + "' is not a Haven event topic");
        }
        return owner;
    }

    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
