package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.incident.config.CriticalityConfig;

import java.util.EnumSet;
import java.util.Set;

/**
 * Decides which incidents start the critical response. The list of always-critical types is
 * configuration (changed by restart, not rebuild); elopement is critical whatever it says, because a
 * missing client is the case Haven exists for.
 */
@ApplicationScoped
public class CriticalityPolicy {

    private final Set<IncidentType> alwaysCritical;

    CriticalityPolicy(CriticalityConfig config) {
        EnumSet<IncidentType> types = EnumSet.of(IncidentType.ELOPEMENT);
        types.addAll(config.alwaysCriticalTypes());
        this.alwaysCritical = types;
    }

    public Criticality decide(IncidentType type, Severity severity) {
        if (alwaysCritical.contains(type)) {
            return new Criticality(true, "type " + type + " is always critical");
        }
        if (severity == Severity.CRITICAL) {
            return new Criticality(true, "severity CRITICAL is always critical");
        }
        return new Criticality(false, "type " + type + " at severity " + severity + " is not critical");
    }
}
