package org.haven.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;

import java.time.Clock;

/**
 * Bean Validation's time constraints ({@code @PastOrPresent} on a report's times) read the service's own
 * clock, not the machine's: otherwise a report made "now" by a pinned or shifted clock is refused as being in
 * the future, and validation and the rules it guards disagree about what now is.
 */
@ApplicationScoped
public class ValidationClock implements ClockProvider {

    private final Clock clock;

    ValidationClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
