package org.haven.messaging;

import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Whether this process runs where settings meant for tests and the local demo are allowed (a shifted
 * clock, published demo keys): the {@code dev} and {@code test} profiles, and {@code local}, which the
 * no-Docker launcher adds on top of {@code prod} ({@code QUARKUS_PROFILE=prod,local}). Every other run is
 * production, and such a setting there must stop the service from starting rather than weaken it.
 */
public final class LaunchProfile {

    private static final Set<String> NOT_PRODUCTION = Set.of("dev", "test", "local");

    private LaunchProfile() {
    }

    /** The active configuration profiles of this process. */
    public static List<String> active() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
    }

    public static boolean isProduction() {
        return isProduction(active());
    }

    static boolean isProduction(Collection<String> profiles) {
        return profiles.stream().noneMatch(NOT_PRODUCTION::contains);
    }

    /**
     * Refuses {@code setting} in production, naming it and the profiles in force, so an admin who set it
     * by mistake sees why the service did not start.
     */
    public static void refuseInProduction(String setting) {
        List<String> profiles = active();
        if (isProduction(profiles)) {
            throw new IllegalStateException(setting + " is allowed only in the dev, test and local profiles; active profiles: "
                    + profiles + ". Remove it from this deployment.");
        }
    }
}
