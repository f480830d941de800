package org.haven.wellness.domain;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import org.haven.security.Caller;
import org.haven.security.HavenRole;

import java.util.HashSet;
import java.util.Set;

/**
 * Who may see what of wellness. Everyone sees their own follow-ups and only their own check-ins;
 * supervisors also see whether each follow-up of their sites happened; directors see team aggregates
 * (see {@link TeamAggregates}); admins see nothing here. A row the caller may not see answers exactly
 * like a missing one.
 *
 * <p>The directory decides a person's sites and where they supervise ({@link Directory}); the token's sites are the
 * identity provider's copy. A caller has a site only when both have it: a site only the token names is refused
 * (403 when asked for by name, left out of every list), a site only the directory gives waits for the token, and a
 * person the directory does not know has no site. Every disagreement is counted ({@link SiteMismatches}).
 */
@RequestScoped
public class WellnessAccess {

    private record Sites(Set<String> granted, Set<String> supervised) {
    }

    private final Caller caller;
    private final Directory directory;
    private final SiteMismatches mismatches;
    private Sites sites;

    WellnessAccess(Caller caller, Directory directory, SiteMismatches mismatches) {
        this.caller = caller;
        this.directory = directory;
        this.mismatches = mismatches;
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
        return supervises() ? sites().supervised() : Set.of();
    }

    /** The caller's sites: those their token names and the directory gives them. */
    public Set<String> visibleSites() {
        return sites().granted();
    }

    /**
     * Refuses (403, naming the site) a site the caller asks for by name that their token names and the directory
     * does not give them; a site neither gives is left to the caller's own rule.
     */
    public void refuseMismatched(String siteId) {
        if (siteId != null && caller.sites().contains(siteId) && !visibleSites().contains(siteId)) {
            throw new SiteAccessRefused("Your sign-in names site " + siteId + " but the directory does not give it to you;"
                    + " an admin must correct one of the two");
        }
    }

    private Sites sites() {
        if (sites == null) {
            Set<String> token = caller.sites();
            Directory.Person person = !caller.isAuthenticated() ? Directory.Person.UNKNOWN
                    : directory.person(caller.personId());
            Set<String> granted = intersection(token, person.sites());
            if (!person.known()) {
                mismatches.count("unknown-person", token.size());
            } else {
                mismatches.count("token", token.size() - granted.size());
                mismatches.count("directory", person.sites().size() - granted.size());
            }
            sites = new Sites(granted, intersection(token, person.supervised()));
        }
        return sites;
    }

    private static Set<String> intersection(Set<String> token, Set<String> directory) {
        Set<String> both = new HashSet<>(token);
        both.retainAll(directory);
        return Set.copyOf(both);
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
