package org.haven.incident.domain;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import org.haven.security.Caller;
import org.haven.security.HavenRole;
import org.haven.security.SiteScope;

import java.util.Set;

/**
 * What the caller may see and report. Staff see the reports they made; supervisors and directors see
 * every incident of their sites; admins see none (they run the directory and read the audit trail).
 * A row the caller may not see answers exactly like a missing one.
 */
@RequestScoped
public class IncidentAccess {

    private final Caller caller;
    private final SiteScope sites;

    IncidentAccess(Caller caller, SiteScope sites) {
        this.caller = caller;
        this.sites = sites;
    }

    public String personId() {
        return caller.personId();
    }

    /** The reporter of a new report: the caller, or (for supervisors and directors) someone they report for. */
    public String reporterFor(String siteId, String requestedReporterId) {
        if (!sites.isVisible(siteId)) {
            throw new ForbiddenException("You are not a member of site " + siteId);
        }
        String me = caller.personId();
        if (requestedReporterId == null || requestedReporterId.equals(me)) {
            return me;
        }
        if (caller.is(HavenRole.SUPERVISOR) || caller.is(HavenRole.DIRECTOR)) {
            return requestedReporterId;
        }
        throw new ForbiddenException("Staff report incidents in their own name");
    }

    public void requireReadable(Incident incident, String notFoundDetail) {
        if (incident == null || !mayRead(incident)) {
            throw new NotFoundException(notFoundDetail);
        }
    }

    public boolean mayRead(Incident incident) {
        if (seesWholeSites()) {
            return sites.isVisible(incident.siteId);
        }
        return caller.personId().equals(incident.reporterId);
    }

    /** Supervisors and directors read by site; everyone else only their own reports. */
    public boolean seesWholeSites() {
        return caller.is(HavenRole.SUPERVISOR) || caller.is(HavenRole.DIRECTOR);
    }

    public Set<String> visibleSites() {
        return sites.visibleSites();
    }
}
