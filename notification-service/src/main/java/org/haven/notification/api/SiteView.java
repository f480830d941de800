package org.haven.notification.api;

import org.haven.notification.domain.Directory;
import org.haven.notification.domain.Site;
import org.haven.notification.domain.SiteRole;

import java.util.List;

public record SiteView(String id, String name, String timeZone, List<Member> staff, String jurisdiction) {

    public record Member(String personId, String displayName, String email, String phone, SiteRole role) {
    }

    static SiteView of(Site site, List<Directory.Member> members) {
        return new SiteView(site.id, site.name, site.timeZone, members.stream()
                .map(m -> new Member(m.person().id, m.person().displayName, m.person().email, m.person().phone, m.role()))
                .toList(), site.jurisdiction);
    }
}
