package org.haven.events;

import java.util.List;

/**
 * Every event type Haven publishes, with its current data version and its topic
 * ({@code <aggregate>.events}; the dead-letter topic of a consumer of it is {@code <topic>.dlq}).
 */
public final class HavenEvents {

    public static final String INCIDENT_TOPIC = "incident.events";
    public static final String DEBRIEF_TOPIC = "debrief.events";
    public static final String NOTIFICATION_TOPIC = "notification.events";
    public static final String WELLNESS_TOPIC = "wellness.events";

    public static final EventType<IncidentReported> INCIDENT_REPORTED =
            new EventType<>("org.haven.incident.IncidentReported", 1, INCIDENT_TOPIC, IncidentReported.class);
    public static final EventType<DebriefScheduled> DEBRIEF_SCHEDULED =
            new EventType<>("org.haven.debrief.DebriefScheduled", 1, DEBRIEF_TOPIC, DebriefScheduled.class);
    public static final EventType<AlertRaised> ALERT_RAISED =
            new EventType<>("org.haven.notification.AlertRaised", 1, NOTIFICATION_TOPIC, AlertRaised.class);
    public static final EventType<FollowUpOpened> FOLLOW_UP_OPENED =
            new EventType<>("org.haven.wellness.FollowUpOpened", 1, WELLNESS_TOPIC, FollowUpOpened.class);

    /** Every topic Haven uses, each followed by its dead-letter topic: what an admin creates up front. */
    public static final List<String> ALL_TOPICS = List.of(
            INCIDENT_TOPIC, deadLetterTopic(INCIDENT_TOPIC),
            DEBRIEF_TOPIC, deadLetterTopic(DEBRIEF_TOPIC),
            NOTIFICATION_TOPIC, deadLetterTopic(NOTIFICATION_TOPIC),
            WELLNESS_TOPIC, deadLetterTopic(WELLNESS_TOPIC));

    private HavenEvents() {
    }

    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
