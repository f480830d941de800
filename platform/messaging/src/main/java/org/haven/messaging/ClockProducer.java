package org.haven.messaging;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The clock every service reads time from (event times, deadlines, escalations, shifts). A service test
 * replaces it with a controllable one instead of sleeping. For the end-to-end tests and the local run,
 * {@code haven.clock.offset} ({@code HAVEN_CLOCK_OFFSET}, an ISO-8601 duration such as {@code PT-9H30M})
 * shifts it, so the whole platform can be tried at 03:00, on a Sunday or on 25 December; that setting
 * stops a production service from starting.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);
    static final String OFFSET = "haven.clock.offset";

    private final Optional<String> offset;

    ClockProducer(@ConfigProperty(name = OFFSET) Optional<String> offset) {
        this.offset = offset;
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        Duration shift = offset();
        return shift.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), shift);
    }

    // Before every other start-up work (@Startup beans, the relay), so a refusal names this reason and no other.
    void refuseShiftedClockInProduction(@Observes @Priority(1) StartupEvent start) {
        Duration shift = offset();
        if (!shift.isZero()) {
            LOG.warnf("The clock is shifted by %s (%s): tests and the local run only", shift, OFFSET);
        }
    }

    Duration offset() {
        if (offset.isEmpty() || offset.get().isBlank()) {
            return Duration.ZERO;
        }
        LaunchProfile.refuseInProduction(OFFSET + " (HAVEN_CLOCK_OFFSET)");
        try {
            return Duration.parse(offset.get().trim());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(OFFSET + " must be an ISO-8601 duration such as PT-9H30M, not '" + offset.get() + "'", e);
        }
    }
}
