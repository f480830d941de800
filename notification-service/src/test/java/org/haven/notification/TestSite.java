package org.haven.notification;

import org.haven.notification.domain.Directory;
import org.haven.notification.domain.SiteRole;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A site of its own for one test, with supervisors whose addresses no other test uses. */
record TestSite(String id, String name, List<Supervisor> supervisors) {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    record Supervisor(String id, String email) {
    }

    static TestSite withSupervisors(Directory directory, int count) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestSite site = new TestSite("site-" + suffix, "Maple House " + suffix, new ArrayList<>());
        directory.putSite(site.id(), site.name(), ZONE);
        for (int i = 1; i <= count; i++) {
            Supervisor supervisor = new Supervisor("sup-" + suffix + "-" + i, "sup-" + suffix + "-" + i + "@haven.example");
            directory.putPerson(supervisor.id(), "Supervisor " + i, supervisor.email());
            directory.assign(site.id(), supervisor.id(), SiteRole.SUPERVISOR);
            site.supervisors().add(supervisor);
        }
        return site;
    }

    Supervisor supervisor() {
        return supervisors.get(0);
    }
}
