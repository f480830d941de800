package org.haven.incident.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * One jurisdiction's rules for who outside the program must be told about an incident, and by when.
 * Read from a policy file (see {@code jurisdictions/us-generic.json}).
 *
 * @param zone           the jurisdiction's time zone, for "by the next working day"
 * @param workingDayEnds the local time a "working day" deadline falls at
 * @param holidays       days that are not working days
 */
public record JurisdictionPolicy(String name, ZoneId zone, LocalTime workingDayEnds, Set<LocalDate> holidays,
                                 List<Rule> notifications) {

    public JurisdictionPolicy {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }

    /** The point in time a deadline is counted from. */
    public enum Anchor { OCCURRED, REPORTED }

    /** A fact of the report that makes a rule apply. */
    public enum Condition { MINOR, HIGH_RISK_OF_TRAFFICKING, MEDICAL_NEEDS }

    /**
     * @param within         a deadline this long after {@code from}; or
     * @param nextWorkingDay a deadline at the end of the working day after {@code from}
     * @param onlyIf         apply only when the report carries this risk flag (null: always)
     */
    public record Rule(String id, String recipient, String instructions, Set<IncidentType> types, Condition onlyIf,
                       Anchor from, Duration within, boolean nextWorkingDay) {

        public boolean appliesTo(Incident incident) {
            if (!types.contains(incident.type)) {
                return false;
            }
            if (onlyIf == null) {
                return true;
            }
            return switch (onlyIf) {
                case MINOR -> incident.riskMinor;
                case HIGH_RISK_OF_TRAFFICKING -> incident.riskTrafficking;
                case MEDICAL_NEEDS -> incident.riskMedicalNeeds;
            };
        }
    }

    public Instant deadline(Rule rule, Incident incident) {
        Instant start = rule.from() == Anchor.REPORTED ? incident.reportedAt : incident.occurredAt;
        if (rule.nextWorkingDay()) {
            LocalDate day = start.atZone(zone).toLocalDate().plusDays(1);
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            return day.atTime(workingDayEnds).atZone(zone).toInstant();
        }
        return start.plus(rule.within());
    }

    private boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}
