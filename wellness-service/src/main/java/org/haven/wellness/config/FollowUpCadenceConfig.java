package org.haven.wellness.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** When each follow-up falls due, counted from the moment the critical incident was reported. */
@ConfigMapping(prefix = "haven.wellness.cadence")
public interface FollowUpCadenceConfig {

    /** The supervisor's check-in with each exposed person, the same day. */
    @WithDefault("PT8H")
    Duration supervisorCheckIn();

    /** The private self check-in after about three days. */
    @WithName("self-check-in-72h")
    @WithDefault("PT72H")
    Duration selfCheckIn72h();

    /** The private self check-in after about a month. */
    @WithName("self-check-in-1-month")
    @WithDefault("P30D")
    Duration selfCheckIn1Month();
}
