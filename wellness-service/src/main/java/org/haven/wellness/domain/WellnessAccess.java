package org.haven.wellness.domain;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import org.haven.security.Caller;
import org.haven.security.HavenRole;
import org.haven.security.SiteScope;

import java.util.Set;

/**
 * Who may see what of wellness. Everyone sees their own follow-ups and only their own check-ins;
 * supervisors also see whether each follow-up of their sites happened; directors see team aggregates
 * (see {@link TeamAggregates}); admins see nothing here. A row the caller may not see answers exactly
 * like a missing one.
 */
@RequestScoped
public class WellnessAccess {

    private final Caller caller;
    private final SiteScope sites;

    WellnessAccess(Caller caller, SiteScope sites) {
        this.caller = caller;
        this.sites = sites;
    }

    public String personId() {
        return caller.personId();
    }

    public boolean supervises() {
        return caller.is(HavenRole.SUPERVISOR);
    }

    public boolean directs() {
        return caller.is(HavenRole.DIRECTOR);
    }

    /** The sites whose follow-up status the caller sees besides their own; empty unless a supervisor. */
    public Set<String> supervisedSites() {
        return supervises() ? sites.visibleSites() : Set.of();
    }

    public Set<String> visibleSites() {
        return sites.visibleSites();
    }

    public void requireReadable(FollowUp followUp, String notFoundDetail) {
        if (followUp == null || !(isMine(followUp.staffId) || supervisedSites().contains(followUp.siteId))) {
            throw new NotFoundException(notFoundDetail);
        }
    }

    /** Only the person who gave a check-in ever reads it: not their supervisor, a director or an admin. */
    public void requireOwnCheckIn(CheckIn checkIn, String notFoundDetail) {
        if (checkIn == null || !isMine(checkIn.staffId)) {
            throw new NotFoundException(notFoundDetail);
        }
    }

    /** The follow-up must be one of the caller's own open self check-ins. */
    public void requireOwnSelfCheckIn(FollowUp followUp, String notFoundDetail) {
        if (followUp == null || !isMine(followUp.staffId)) {
            throw new NotFoundException(notFoundDetail);
        }
        if (!followUp.kind.isSelfCheckIn()) {
            throw new ForbiddenException("A supervisor check-in is a conversation; your supervisor records that it happened");
        }
    }

    /** Only a supervisor of the follow-up's site records a supervisor check-in, and never their own. */
    public void requireSupervisorOf(FollowUp followUp, String notFoundDetail) {
        requireReadable(followUp, notFoundDetail);
        if (!supervisedSites().contains(followUp.siteId) || isMine(followUp.staffId)) {
            throw new ForbiddenException("Only a supervisor of site " + followUp.siteId + " records this check-in");
        }
        if (followUp.kind != FollowUpKind.SUPERVISOR_CHECK_IN) {
            throw new ForbiddenException("A self check-in is private to the person who gives it");
        }
    }

    public boolean isMine(String staffId) {
        return caller.personId().equals(staffId);
    }
}
