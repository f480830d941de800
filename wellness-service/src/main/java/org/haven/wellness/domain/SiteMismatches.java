package org.haven.wellness.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts every disagreement between a caller's token and the directory on the caller's sites, so that admins see it
 * (metric {@code haven.site.access.refused}, on the service's Prometheus endpoint) instead of a log line nobody reads.
 * {@code side} says which source alone has the site: {@code token} (refused: the directory decides), {@code directory}
 * (not granted until the identity provider catches up) or {@code unknown-person} (the directory does not know the
 * token's subject, so none of its sites are granted).
 */
@ApplicationScoped
public class SiteMismatches {

    static final String METRIC = "haven.site.access.refused";

    private final MeterRegistry registry;

    SiteMismatches(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String side, int sites) {
        if (sites > 0) {
            registry.counter(METRIC, "side", side).increment(sites);
        }
    }
}
