package org.haven.events;

import java.util.List;

/**
 * The whole current state of one person in the organisation: the record on {@link HavenEvents#ORGANISATION_PEOPLE}
 * keyed by {@code personId}. The display name travels because other services show staff by name (the report form's
 * people picker); contacts (email, phone) do not, since only notification-service sends to them. Roles and working
 * time are per site, and each {@link WorkPattern} is read in its site's zone.
 */
public record OrganisationPerson(String personId, String displayName, List<Role> roles, List<SiteShifts> shifts) {

    /** A role a person holds at a site: SUPERVISOR, PROGRAM_DIRECTOR or FACILITATOR. */
    public record Role(String siteId, String role) {
    }

    public record SiteShifts(String siteId, WorkPattern pattern) {
    }

    public OrganisationPerson {
        roles = Lists.frozen(roles);
        shifts = Lists.frozen(shifts);
    }
}
