package org.haven.local;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What lets the end-to-end tests and the local run try Haven at another hour is refused by a service in
 * production: a shifted clock there would move every deadline and escalation.
 */
@ExtendWith(PlatformExtension.class)
class ShiftedClockInProductionIT {

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "debrief-service", "notification-service", "wellness-service"})
    void aServiceInItsProdProfileWithAShiftedClockRefusesToStart(String service) throws Exception {
        Map<String, String> settings = ProductionStart.completeSettings(service);
        settings.put("HAVEN_CLOCK_OFFSET", "PT-6H");
        // What each service needs in production besides, so that the clock is the only reason left to refuse.
        settings.put("HAVEN_NOTIFICATION_ACK_LINK_SECRET", "a-production-ack-link-key-of-more-than-32-bytes");
        settings.put("WELLNESS_ANSWERS_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(ProductionStart.refusedStartLog(service, settings))
                .contains("haven.clock.offset (HAVEN_CLOCK_OFFSET) is allowed only in the dev, test and local profiles");
    }
}
