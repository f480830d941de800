package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.incident.persistence.SitePeople;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report names only people who work at its site: an id nobody at the site has is a typo or someone else's
 * colleague, and a debrief invite or a follow-up for them would reach the wrong person or no one.
 */
@ApplicationScoped
public class PeopleOfTheSite {

    private final SitePeople people;

    PeopleOfTheSite(SitePeople people) {
        this.people = people;
    }

    /**
     * Refuses (with {@link UnknownPeopleException}) if any of the named lists holds someone who does not work at the
     * site; {@code lists} maps each request field to its ids.
     */
    public void require(String siteId, Map<String, List<String>> lists) {
        List<String> all = new ArrayList<>();
        lists.values().forEach(all::addAll);
        Set<String> unknown = people.unknownAt(siteId, all);
        if (unknown.isEmpty()) {
            return;
        }
        List<UnknownPeopleException.Refused> refused = new ArrayList<>();
        lists.forEach((field, ids) -> {
            for (int i = 0; i < ids.size(); i++) {
                if (unknown.contains(ids.get(i))) {
                    refused.add(new UnknownPeopleException.Refused(field + "[" + i + "]",
                            "'" + ids.get(i) + "' does not work at site " + siteId));
                }
            }
        });
        throw new UnknownPeopleException(siteId, refused);
    }

    public static Map<String, List<String>> fields(String firstField, List<String> first, String secondField, List<String> second) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put(firstField, first);
        lists.put(secondField, second);
        return lists;
    }
}
