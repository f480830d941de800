package org.haven.debrief.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import org.haven.debrief.domain.ParticipantRole;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The debrief policy per incident type; maps are keyed by the type name as incident-service publishes it. */
@ConfigMapping(prefix = "haven.debrief")
public interface DebriefPolicyConfig {

    /** How long after the report the debrief must be held, for an incident type without a deadline of its own. */
    @WithDefault("72h")
    Duration defaultDeadline();

    /** Deadlines per incident type ({@code haven.debrief.deadlines.ELOPEMENT=24h}). */
    Map<String, Duration> deadlines();

    /** The shortest circle, for an incident type without a length of its own. */
    @WithDefault("60m")
    Duration defaultMinimumLength();

    /** Minimum circle length per incident type. */
    Map<String, Duration> minimumLengths();

    /** Who must attend, for an incident type without a rule of its own. */
    @WithDefault("REPORTER,INVOLVED_STAFF,WITNESS,SUPERVISOR")
    List<ParticipantRole> defaultAttendees();

    /** Who must attend, per incident type ({@code haven.debrief.attendees.MEDICAL_EMERGENCY=REPORTER,SUPERVISOR}). */
    Map<String, List<ParticipantRole>> attendees();

    /** A further critical incident of the same team joins an unheld debrief opened at most this long before it. */
    @WithDefault("72h")
    Duration clusterWindow();

    /**
     * The most incidents one circle takes in. A restorative circle works through a few incidents with the people
     * who lived them in one sitting; a team with more incidents than this before its circle is held gets a further
     * circle, opened by the next incident and joined by the ones after it (each circle held by the earliest
     * deadline among its own incidents), rather than one ever-longer meeting whose invite lists dozens of incidents
     * and which every further incident re-plans and re-announces.
     */
    @WithDefault("8")
    @Min(1)
    int maxIncidentsPerCircle();

    /** Proposed slots start on this grid (from the epoch, so on the quarter hour by default). */
    @WithDefault("15m")
    Duration slotGranularity();

    /** How often the overdue check runs, as a {@code @Scheduled(every)} value; "off" disables it. */
    @WithDefault("1m")
    String overdueCheck();
}
