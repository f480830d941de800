package org.haven.debrief.api;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import org.haven.debrief.domain.Debrief;
import org.haven.security.Caller;
import org.haven.security.HavenRole;
import org.haven.security.SiteScope;

import java.util.Set;
import java.util.UUID;

/**
 * Who may see and change which debrief. Supervisors and directors see every debrief of their sites and
 * move or cancel them; staff see only the debriefs they take part in (as participant or facilitator).
 * Admins run the roster and policy, never debrief content. A debrief the caller may not see answers
 * exactly like a missing one.
 */
@RequestScoped
public class DebriefAccess {

    private final Caller caller;
    private final SiteScope sites;

    DebriefAccess(Caller caller, SiteScope sites) {
        this.caller = caller;
        this.sites = sites;
    }

    public static String notFound(UUID id) {
        return "No debrief " + id;
    }

    /** The debrief, if the caller may read it; otherwise 404. */
    public Debrief readable(UUID id) {
        Debrief debrief = Debrief.findById(id);
        if (debrief == null || !canRead(debrief)) {
            throw new NotFoundException(notFound(id));
        }
        return debrief;
    }

    /** The debrief, if the caller may move or cancel it: a supervisor or director of its site. */
    public Debrief manageable(UUID id) {
        Debrief debrief = readable(id);
        if (!seesWholeSites()) {
            throw new ForbiddenException("Only the site's supervisors and directors move or cancel a debrief");
        }
        return debrief;
    }

    /** The debrief, if the caller may run its circle: its facilitator, or a supervisor or director of its site. */
    public Debrief facilitated(UUID id) {
        Debrief debrief = readable(id);
        if (!seesWholeSites() && !caller.personId().equals(debrief.facilitatorId)) {
            throw new ForbiddenException("Only the facilitator, the site's supervisors and directors run the circle");
        }
        return debrief;
    }

    public boolean seesWholeSites() {
        return caller.is(HavenRole.SUPERVISOR) || caller.is(HavenRole.DIRECTOR);
    }

    public Set<String> visibleSites() {
        return sites.visibleSites();
    }

    public String personId() {
        return caller.personId();
    }

    private boolean canRead(Debrief debrief) {
        if (seesWholeSites()) {
            return sites.isVisible(debrief.siteId);
        }
        return debrief.involves(caller.personId());
    }
}
