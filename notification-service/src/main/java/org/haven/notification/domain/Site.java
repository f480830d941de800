package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.ZoneId;

/** A residential program's house. Its time zone is the one alert times are written in. */
@Entity
public class Site extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String timeZone;
    /** Whose licensing rules apply (e.g. {@code US-NY}); null where none is recorded. */
    public String jurisdiction;
    /** How many times the escalation chain runs again after its last level went unanswered. */
    public int escalationRepeats;

    /** A site the directory does not list: named by its id, times in UTC. Never stored. */
    public static Site unlisted(String siteId) {
        Site site = new Site();
        site.id = siteId;
        site.name = siteId;
        site.timeZone = "UTC";
        return site;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
