package org.haven.notification;

import org.haven.notification.domain.Directory;
import org.haven.notification.domain.EscalationLevel;
import org.haven.notification.domain.EscalationTarget;
import org.haven.notification.domain.SiteRole;
import org.haven.testing.TestTime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A site of its own with the escalation chain the issue describes: the on-call supervisor at once, a
 * backup supervisor after 5 minutes, the program director after 10; repeated {@code repeats} times.
 * Everyone has an email address and a phone number no other test uses.
 */
record ChainSite(String id, String name, Person onCall, Person backup, Person director) {

    record Person(String id, String name, String email, String phone) {
    }

    static ChainSite create(Directory directory, int repeats) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ChainSite site = new ChainSite("site-" + suffix, "Cedar House " + suffix,
                person("sup-" + suffix, "Riley Oncall " + suffix),
                person("bak-" + suffix, "Morgan Backup " + suffix),
                person("dir-" + suffix, "Dana Director " + suffix));
        directory.putSite(site.id(), site.name(), ZoneId.of("America/New_York"));
        for (Person p : List.of(site.onCall(), site.backup(), site.director())) {
            directory.putPerson(p.id(), p.name(), p.email(), p.phone());
        }
        directory.assign(site.id(), site.onCall().id(), SiteRole.SUPERVISOR);
        directory.assign(site.id(), site.backup().id(), SiteRole.SUPERVISOR);
        directory.assign(site.id(), site.director().id(), SiteRole.PROGRAM_DIRECTOR);
        Instant now = TestTime.now();
        directory.addShift(site.id(), site.onCall().id(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)));
        directory.replaceChain(site.id(), repeats, List.of(
                EscalationLevel.of(site.id(), 1, Duration.ZERO, EscalationTarget.ON_CALL, null),
                EscalationLevel.of(site.id(), 2, Duration.ofMinutes(5), EscalationTarget.PERSON, site.backup().id()),
                EscalationLevel.of(site.id(), 3, Duration.ofMinutes(10), EscalationTarget.PROGRAM_DIRECTORS, null)));
        return site;
    }

    private static Person person(String id, String name) {
        return new Person(id, name, id + "@haven.example", "+1555" + String.format("%07d", Math.abs(id.hashCode()) % 10_000_000));
    }

    List<Person> levels() {
        return List.of(onCall, backup, director);
    }
}
