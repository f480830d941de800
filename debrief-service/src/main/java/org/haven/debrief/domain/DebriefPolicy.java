package org.haven.debrief.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.debrief.config.DebriefPolicyConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The debrief rules per incident type: by when it must be held, how long it lasts at least, who must
 * attend, and how long (and for how many incidents) a debrief stays open for further incidents of the same
 * team. Licensing rules
 * require the debrief within 24 hours of an elopement or a restraint, so no configuration can push
 * those two later than that.
 */
@ApplicationScoped
public class DebriefPolicy {

    private static final Map<String, Duration> LICENSING_LIMITS = Map.of(
            "ELOPEMENT", Duration.ofHours(24),
            "RESTRAINT", Duration.ofHours(24));

    private final DebriefPolicyConfig config;
    private final Map<String, Duration> deadlines = new HashMap<>();
    private final Map<String, Duration> minimumLengths = new HashMap<>();
    private final Map<String, Set<ParticipantRole>> attendees = new HashMap<>();

    DebriefPolicy(DebriefPolicyConfig config) {
        this.config = config;
        // Environment variables arrive with lower-case keys; incident types are upper case.
        config.deadlines().forEach((type, deadline) -> deadlines.put(normalise(type), deadline));
        config.minimumLengths().forEach((type, length) -> minimumLengths.put(normalise(type), length));
        config.attendees().forEach((type, roles) -> attendees.put(normalise(type), roleSet(roles)));
    }

    /** How long after the report the debrief of an incident of this type must be held. */
    public Duration timeToDebrief(String incidentType) {
        String type = normalise(incidentType);
        Duration configured = deadlines.getOrDefault(type, config.defaultDeadline());
        Duration limit = LICENSING_LIMITS.get(type);
        return limit != null && limit.compareTo(configured) < 0 ? limit : configured;
    }

    public Instant deadline(String incidentType, Instant reportedAt) {
        return reportedAt.plus(timeToDebrief(incidentType));
    }

    public Duration minimumLength(String incidentType) {
        return minimumLengths.getOrDefault(normalise(incidentType), config.defaultMinimumLength());
    }

    /** The roles whose holders must attend; the others are invited but the slot is not chosen around them. */
    public Set<ParticipantRole> requiredAttendees(String incidentType) {
        return attendees.getOrDefault(normalise(incidentType), roleSet(config.defaultAttendees()));
    }

    public Duration clusterWindow() {
        return config.clusterWindow();
    }

    /** A team's further incident opens a new circle once its circle holds this many incidents. */
    public int maxIncidentsPerCircle() {
        return config.maxIncidentsPerCircle();
    }

    public Duration slotGranularity() {
        return config.slotGranularity();
    }

    private static Set<ParticipantRole> roleSet(List<ParticipantRole> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(ParticipantRole.class) : EnumSet.copyOf(roles);
    }

    private static String normalise(String incidentType) {
        return incidentType.trim().toUpperCase(Locale.ROOT);
    }
}
