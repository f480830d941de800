package org.haven.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;

/**
 * Which jurisdiction's notification rules apply to which site, e.g.
 * {@code haven.jurisdiction.sites.site-north=us-generic}. Policies are JSON files named
 * {@code <jurisdiction>.json}: first looked up in {@code policy-directory} (so an admin can change or add
 * one without a rebuild), then in the service's own {@code jurisdictions/} resources.
 */
@ConfigMapping(prefix = "haven.jurisdiction")
public interface JurisdictionConfig {

    /** The jurisdiction of a site not listed under {@code sites}. */
    @WithDefault("us-generic")
    String defaultJurisdiction();

    Map<String, String> sites();

    Optional<String> policyDirectory();
}
