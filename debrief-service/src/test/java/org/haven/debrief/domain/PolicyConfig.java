package org.haven.debrief.domain;

import org.haven.debrief.config.DebriefPolicyConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A debrief policy configuration for unit tests: the shipped defaults unless a test says otherwise. */
record PolicyConfig(Duration defaultDeadline, Map<String, Duration> deadlines, Duration defaultMinimumLength,
                    Map<String, Duration> minimumLengths, List<ParticipantRole> defaultAttendees,
                    Map<String, List<ParticipantRole>> attendees, Duration clusterWindow, Duration slotGranularity)
        implements DebriefPolicyConfig {

    @Override
    public int maxIncidentsPerCircle() {
        return 8;
    }

    @Override
    public String overdueCheck() {
        return "off";
    }

    static PolicyConfig defaults() {
        return new PolicyConfig(Duration.ofHours(72), Map.of("ELOPEMENT", Duration.ofHours(24), "RESTRAINT", Duration.ofHours(24)),
                Duration.ofMinutes(60), Map.of(), List.of(ParticipantRole.values()), Map.of(), Duration.ofHours(72),
                Duration.ofMinutes(15));
    }

    PolicyConfig withDeadlines(Duration defaultDeadline, Map<String, Duration> deadlines) {
        return new PolicyConfig(defaultDeadline, deadlines, defaultMinimumLength, minimumLengths, defaultAttendees, attendees,
                clusterWindow, slotGranularity);
    }

    PolicyConfig withMinimumLengths(Duration defaultLength, Map<String, Duration> lengths) {
        return new PolicyConfig(defaultDeadline, deadlines, defaultLength, lengths, defaultAttendees, attendees, clusterWindow,
                slotGranularity);
    }

    PolicyConfig withAttendees(List<ParticipantRole> defaults, Map<String, List<ParticipantRole>> perType) {
        return new PolicyConfig(defaultDeadline, deadlines, defaultMinimumLength, minimumLengths, defaults, perType,
                clusterWindow, slotGranularity);
    }
}
