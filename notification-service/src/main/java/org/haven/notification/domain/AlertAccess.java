package org.haven.notification.domain;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import org.haven.security.Caller;
import org.haven.security.HavenRole;
import org.haven.security.SiteScope;

import java.util.Set;

/**
 * Who may see which alert. Supervisors and directors see every alert of their sites; staff see only
 * alerts addressed to them; admins (who run the directory) see none. An alert the caller may not see
 * answers exactly like a missing one.
 */
@RequestScoped
public class AlertAccess {

    private final Caller caller;
    private final SiteScope sites;

    AlertAccess(Caller caller, SiteScope sites) {
        this.caller = caller;
        this.sites = sites;
    }

    public String personId() {
        return caller.personId();
    }

    /** Supervisors and directors read by site; staff only what is addressed to them. */
    public boolean seesWholeSites() {
        return caller.is(HavenRole.SUPERVISOR) || caller.is(HavenRole.DIRECTOR);
    }

    public Set<String> visibleSites() {
        return sites.visibleSites();
    }

    public void requireReadable(Alert alert, String notFoundDetail) {
        if (alert == null || !canRead(alert)) {
            throw new NotFoundException(notFoundDetail);
        }
    }

    /** Taking charge of an incident is for the supervisors and directors of its site. */
    public void requireAcknowledgeable(Alert alert, String notFoundDetail) {
        requireReadable(alert, notFoundDetail);
        if (!seesWholeSites()) {
            throw new io.quarkus.security.ForbiddenException("Only a supervisor or director of the site can take charge of an alert");
        }
    }

    private boolean canRead(Alert alert) {
        if (seesWholeSites()) {
            return sites.isVisible(alert.siteId);
        }
        return caller.personId().equals(alert.recipientId);
    }
}
