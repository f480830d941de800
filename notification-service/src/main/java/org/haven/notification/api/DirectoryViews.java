package org.haven.notification.api;

import org.haven.notification.domain.EscalationLevel;
import org.haven.notification.domain.EscalationTarget;
import org.haven.notification.domain.OnCallShift;
import com.fasterxml.jackson.databind.JsonNode;
import org.haven.notification.domain.Person;
import org.haven.notification.domain.Site;
import org.haven.notification.domain.SiteAssignment;
import org.haven.notification.domain.SiteRole;
import org.haven.events.WorkPattern;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** What the directory API answers. */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    public record PersonView(String id, String displayName, String email, String phone, String preferredLanguage) {
        static PersonView of(Person person) {
            return new PersonView(person.id, person.displayName, person.email, person.phone, person.preferredLanguage);
        }
    }

    /** A person with every role they hold, by site, and whether they administer the program. */
    public record PersonDetail(String id, String displayName, String email, String phone, String preferredLanguage,
                               boolean administrator, List<RoleView> roles) {
        static PersonDetail of(Person person, List<SiteAssignment> assignments, boolean administrator) {
            return new PersonDetail(person.id, person.displayName, person.email, person.phone, person.preferredLanguage, administrator,
                    assignments.stream().map(a -> new RoleView(a.siteId, a.role)).toList());
        }
    }

    public record RoleView(String siteId, SiteRole role) {
    }

    /** A person's working time at a site as the audit records it: weekly shifts and dated changes to them. */
    public record PatternState(String personId, String siteId, String timeZone, List<WorkPattern.Weekly> weekly,
                               List<WorkPattern.Dated> dated) {
    }

    /** A site's own facts, as the audit records them. */
    public record SiteState(String id, String name, String timeZone, String jurisdiction) {
        static SiteState of(Site site) {
            return new SiteState(site.id, site.name, site.timeZone, site.jurisdiction);
        }
    }

    /** Whether the console must open on its first-run set-up (the directory has no site yet). */
    public record SetupView(boolean needed) {
    }

    /** A critical incident no one could be paged for, until someone takes charge of it. */
    public record UnroutableView(UUID alertId, String siteId, String siteName, String incidentType, Instant occurredAt,
                                 Instant raisedAt, String reason, int administratorsPaged) {
    }

    public record AuditView(long id, Instant changedAt, String changedBy, String action, String subject, JsonNode before,
                            JsonNode after) {
    }

    /** A site's week in its own zone: each day's working time per person and the on-call shifts. */
    public record WeekView(String siteId, String timeZone, LocalDate from, List<DayView> days) {
    }

    public record DayView(LocalDate date, DayOfWeek day, List<WorkView> working, List<OnCallSlot> onCall) {
    }

    public record WorkView(String personId, String displayName, LocalTime start, LocalTime end) {
    }

    public record OnCallSlot(long shiftId, String personId, String displayName, LocalDateTime start, LocalDateTime end) {
    }

    public record ChainView(String siteId, int repeats, boolean siteDefault, List<LevelView> levels) {
    }

    public record LevelView(int level, Duration after, EscalationTarget target, String personId) {
        static LevelView of(EscalationLevel level) {
            return new LevelView(level.level, level.after(), level.target, level.personId);
        }
    }

    public record ShiftView(Long id, String personId, Instant startsAt, Instant endsAt) {
        static ShiftView of(OnCallShift shift) {
            return new ShiftView(shift.id, shift.personId, shift.startsAt, shift.endsAt);
        }
    }

    /** Who is on call now and the shifts that hand over after them. */
    public record OnCallView(String siteId, Instant at, PersonView onCallNow, List<ShiftView> rota) {
    }

    /** A person's working time at a site, in the site's zone; non-urgent notices reach them only inside it. */
    public record WorkPatternView(String personId, String siteId, String timeZone, List<WorkPattern.Weekly> weekly,
                                  List<WorkPattern.Dated> exceptions) {
    }
}
