package org.haven.notification;

import org.haven.notification.domain.Directory;
import org.haven.notification.domain.SiteRole;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A site of its own for one test: a supervisor, a program director and three staff members, with
 * addresses and phone numbers no other test uses, and no working shifts unless a test sets them.
 */
record Team(String siteId, String siteName, Member supervisor, Member director, List<Member> staff) {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    record Member(String id, String name, String email, String phone) {
    }

    static Team create(Directory directory) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Team team = new Team("site-" + suffix, "Willow House " + suffix,
                member("sup-" + suffix, "Sky Supervisor " + suffix),
                member("dir-" + suffix, "Drew Director " + suffix),
                List.of(member("ana-" + suffix, "Ana Staff " + suffix), member("ben-" + suffix, "Ben Staff " + suffix),
                        member("fac-" + suffix, "Fay Facilitator " + suffix)));
        directory.putSite(team.siteId(), team.siteName(), ZONE);
        for (Member m : team.everyone()) {
            directory.putPerson(m.id(), m.name(), m.email(), m.phone());
        }
        directory.assign(team.siteId(), team.supervisor().id(), SiteRole.SUPERVISOR);
        directory.assign(team.siteId(), team.director().id(), SiteRole.PROGRAM_DIRECTOR);
        return team;
    }

    private static Member member(String id, String name) {
        return new Member(id, name, id + "@haven.example", "+1555" + String.format("%07d", Math.abs(id.hashCode()) % 10_000_000));
    }

    List<Member> everyone() {
        return List.of(supervisor, director, staff.get(0), staff.get(1), staff.get(2));
    }

    Member facilitator() {
        return staff.get(2);
    }
}
