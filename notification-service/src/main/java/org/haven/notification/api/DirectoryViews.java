package org.haven.notification.api;

import org.haven.notification.domain.EscalationLevel;
import org.haven.notification.domain.EscalationTarget;
import org.haven.notification.domain.OnCallShift;
import org.haven.notification.domain.Person;
import org.haven.events.WorkPattern;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/** What the directory API answers. */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    public record PersonView(String id, String displayName, String email, String phone) {
        static PersonView of(Person person) {
            return new PersonView(person.id, person.displayName, person.email, person.phone);
        }
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
