package org.haven.local.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * The faults a chaos run injects, in order: a fixed schedule rather than a seeded random pick, so that every
 * kind of fault happens in every run. Each round kills every service once (incident-service first, while the
 * phones are still posting), restarts the broker while the relay is busy, restarts PostgreSQL, and pauses the
 * primaries of the two replicated services past the consumer session timeout.
 */
record FaultSchedule(List<Fault> faults) {

    enum Kind {
        KILL("kill -9"), RESTART_KAFKA("restart kafka"), RESTART_POSTGRES("restart postgres"), PAUSE("pause");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One fault; {@code target} is a service name for kills and pauses, empty for the broker and the database. */
    record Fault(Kind kind, List<String> targets) {
        String describe() {
            return targets.isEmpty() ? kind.label : kind.label + " " + String.join(", ", targets);
        }
    }

    static final List<String> SERVICES = List.of("incident-service", "notification-service", "debrief-service", "wellness-service");
    /** Run as two replicas during the chaos, so that pausing one leaves the other to take over. */
    static final List<String> REPLICATED = List.of("notification-service", "debrief-service");

    static FaultSchedule rounds(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one round of faults, not " + rounds);
        }
        List<Fault> faults = new ArrayList<>();
        // Every kill of incident-service comes first, while reports are still being posted.
        for (int round = 0; round < rounds; round++) {
            faults.add(new Fault(Kind.KILL, List.of("incident-service")));
            faults.add(new Fault(round == 0 ? Kind.RESTART_KAFKA : Kind.RESTART_POSTGRES, List.of()));
        }
        for (int round = 0; round < rounds; round++) {
            faults.add(new Fault(Kind.KILL, List.of("notification-service")));
            if (round == 0) {
                faults.add(new Fault(Kind.RESTART_POSTGRES, List.of()));
                faults.add(new Fault(Kind.PAUSE, REPLICATED));
            } else {
                faults.add(new Fault(Kind.RESTART_KAFKA, List.of()));
            }
            faults.add(new Fault(Kind.KILL, List.of("debrief-service")));
            faults.add(new Fault(Kind.KILL, List.of("wellness-service")));
        }
        return new FaultSchedule(List.copyOf(faults));
    }

    long count(Kind kind, String target) {
        return faults.stream().filter(f -> f.kind() == kind && (target == null || f.targets().contains(target))).count();
    }
}
