package org.haven.wellness.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policy for check-ins, exposure dose, team aggregates and the support offered to staff. */
@ConfigMapping(prefix = "haven.wellness")
public interface WellnessConfig {

    Answers answers();

    CheckIn checkIn();

    DueCheckIns dueCheckIns();

    Exposure exposure();

    Aggregates aggregates();

    Support support();

    interface Answers {
        /** AES-256 key (32 bytes, base64) sealing check-in answers at rest. */
        Optional<String> key();
    }

    interface CheckIn {
        /** The instrument every self check-in answers (classpath {@code instruments/<id>.json}). */
        @WithDefault("wellbeing-check")
        String requiredInstrument();

        /** Validated instruments a person may add to a check-in, if the organisation ships them. */
        Optional<List<String>> optionalInstruments();
    }

    interface DueCheckIns {
        /** How often due self check-ins are looked for (a Quarkus scheduler interval, e.g. 1m). */
        @WithDefault("1m")
        String every();
    }

    interface Exposure {
        /** Critical incidents in 30 days at which the supervisor is invited to offer support. */
        @WithName("threshold-30-days")
        @WithDefault("3")
        int threshold30Days();

        /** Critical incidents in 90 days at which the supervisor is invited to offer support. */
        @WithName("threshold-90-days")
        @WithDefault("5")
        int threshold90Days();
    }

    interface Aggregates {
        /** The fewest people whose check-ins a team figure may be computed from; never below five. */
        @WithDefault("5")
        int minContributors();
    }

    interface Support {
        /** Support options shown privately after a check-in, by key. */
        Map<String, Option> options();

        interface Option {
            @WithDefault("100")
            int order();

            String title();

            String detail();
        }
    }
}
