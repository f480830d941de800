package org.haven.incident.config;

import io.smallrye.config.ConfigMapping;
import org.haven.incident.domain.IncidentType;

import java.util.Set;

@ConfigMapping(prefix = "haven.criticality")
public interface CriticalityConfig {

    /** Types that start the critical response at any severity. Elopement is always among them. */
    Set<IncidentType> alwaysCriticalTypes();
}
