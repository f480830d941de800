package org.haven.notification.api;

import org.haven.http.Ids;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.notification.config.EscalationConfig;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.EscalationLevel;
import org.haven.notification.domain.EscalationTarget;
import org.haven.notification.domain.OnCallShift;
import org.haven.notification.domain.Site;
import org.haven.notification.domain.SiteRole;
import org.haven.notification.domain.ShiftException;
import org.haven.notification.domain.WorkShift;
import org.haven.events.WorkPattern;
import org.haven.security.Caller;
import org.haven.security.HavenRole;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The directory: sites, people and their contact methods, who supervises which site, the on-call
 * rota and each site's escalation chain. Administrators change it and see all of it; supervisors and
 * directors read the sites they belong to (another site answers like a missing one).
 */
@Path("/api/directory")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(HavenRole.ADMIN)
public class DirectoryResource {


    private final Directory directory;
    private final Caller caller;
    private final EscalationConfig escalation;
    private final Clock clock;

    DirectoryResource(Directory directory, Caller caller, EscalationConfig escalation, Clock clock) {
        this.directory = directory;
        this.caller = caller;
        this.escalation = escalation;
        this.clock = clock;
    }

    @GET
    @Path("/sites")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.ADMIN})
    public List<SiteView> sites() {
        List<Site> sites = caller.is(HavenRole.ADMIN) ? directory.sites() : directory.sitesIn(caller.sites());
        return sites.stream().map(site -> SiteView.of(site, directory.members(site.id))).toList();
    }

    @GET
    @Path("/sites/{siteId}")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.ADMIN})
    public SiteView site(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId) {
        Site site = readableSite(siteId);
        return SiteView.of(site, directory.members(site.id));
    }

    @GET
    @Path("/sites/{siteId}/escalation")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.ADMIN})
    public DirectoryViews.ChainView chain(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId) {
        Site site = readableSite(siteId);
        boolean siteDefault = directory.configuredChain(siteId).isEmpty();
        return new DirectoryViews.ChainView(siteId, site.escalationRepeats, siteDefault,
                directory.chain(siteId, escalation.directorAfter()).stream().map(DirectoryViews.LevelView::of).toList());
    }

    @GET
    @Path("/sites/{siteId}/on-call")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.ADMIN})
    public DirectoryViews.OnCallView onCall(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId) {
        readableSite(siteId);
        Instant now = clock.instant();
        return new DirectoryViews.OnCallView(siteId, now,
                directory.onCall(siteId, now).map(DirectoryViews.PersonView::of).orElse(null),
                directory.rota(siteId, now).stream().map(DirectoryViews.ShiftView::of).toList());
    }

    @GET
    @Path("/people")
    public List<DirectoryViews.PersonView> people() {
        return directory.people().stream().map(DirectoryViews.PersonView::of).toList();
    }

    @PUT
    @Path("/sites/{siteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SiteView putSite(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
                            @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.SiteRequest request) {
        directory.putSite(validId(siteId), request.name(), zone(request.timeZone()));
        return site(siteId);
    }

    @PUT
    @Path("/people/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DirectoryViews.PersonView putPerson(@PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId,
                                               @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.PersonRequest request) {
        directory.putPerson(validId(personId), request.displayName(), request.email(), request.phone());
        return directory.person(personId).map(DirectoryViews.PersonView::of).orElseThrow();
    }

    @PUT
    @Path("/sites/{siteId}/members/{personId}/{role}")
    public SiteView assign(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId, @PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId, @PathParam("role") SiteRole role) {
        existingSite(siteId);
        existingPerson(personId);
        directory.assign(siteId, personId, role);
        return site(siteId);
    }

    @DELETE
    @Path("/sites/{siteId}/members/{personId}/{role}")
    public SiteView unassign(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId, @PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId, @PathParam("role") SiteRole role) {
        existingSite(siteId);
        directory.unassign(siteId, personId, role);
        return site(siteId);
    }

    @PUT
    @Path("/sites/{siteId}/escalation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public DirectoryViews.ChainView putChain(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
                                             @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.ChainRequest request) {
        existingSite(siteId);
        Duration previous = Duration.ZERO;
        List<EscalationLevel> levels = new java.util.ArrayList<>();
        for (DirectoryRequests.LevelRequest level : request.levels()) {
            if (level.after().isNegative() || level.after().compareTo(previous) < 0) {
                throw new BadRequestException("Each level must come at or after the one before it");
            }
            if ((level.target() == EscalationTarget.PERSON) != (level.personId() != null)) {
                throw new BadRequestException("A PERSON level names a personId; other levels do not");
            }
            if (level.personId() != null) {
                existingPerson(level.personId());
            }
            previous = level.after();
            levels.add(EscalationLevel.of(siteId, levels.size() + 1, level.after(), level.target(), level.personId()));
        }
        directory.replaceChain(siteId, request.repeats(), levels);
        return chain(siteId);
    }

    @POST
    @Path("/sites/{siteId}/on-call")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addShift(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
                             @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.ShiftRequest request) {
        existingSite(siteId);
        existingPerson(request.personId());
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw new BadRequestException("A shift ends after it starts");
        }
        OnCallShift shift = directory.addShift(siteId, request.personId(), request.startsAt(), request.endsAt());
        return Response.status(Response.Status.CREATED).entity(DirectoryViews.ShiftView.of(shift)).build();
    }

    @GET
    @Path("/people/{personId}/sites/{siteId}/work-pattern")
    public DirectoryViews.WorkPatternView workPattern(@PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId,
                                                      @PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId) {
        existingPerson(personId);
        Site site = existingSite(siteId);
        WorkPattern pattern = directory.patterns(personId).getOrDefault(siteId, WorkPattern.none());
        return new DirectoryViews.WorkPatternView(personId, siteId, site.timeZone, pattern.weekly(), pattern.exceptions());
    }

    /** Replaces a person's working time at a site; with none anywhere, every hour is working time for notices. */
    @PUT
    @Path("/people/{personId}/sites/{siteId}/work-pattern")
    @Consumes(MediaType.APPLICATION_JSON)
    public DirectoryViews.WorkPatternView putWorkPattern(
            @PathParam("personId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId,
            @PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
            @NotNull(message = "a JSON body is required") @Valid DirectoryRequests.WorkPatternRequest request) {
        existingPerson(personId);
        existingSite(siteId);
        List<DirectoryRequests.ShiftExceptionRequest> exceptions = request.exceptions() == null ? List.of() : request.exceptions();
        directory.replacePattern(personId, siteId,
                request.weekly().stream().map(s -> WorkShift.of(personId, siteId, s.day(), s.start(), s.end())).toList(),
                exceptions.stream().map(e -> ShiftException.of(personId, siteId, e.date(), e.start(), e.end(), e.kind())).toList());
        return workPattern(personId, siteId);
    }

    private Site readableSite(String siteId) {
        if (!caller.is(HavenRole.ADMIN) && !caller.sites().contains(siteId)) {
            throw new NotFoundException("No site " + siteId);
        }
        return existingSite(siteId);
    }

    private Site existingSite(String siteId) {
        return directory.site(siteId).orElseThrow(() -> new NotFoundException("No site " + siteId));
    }

    private void existingPerson(String personId) {
        if (directory.person(personId).isEmpty()) {
            throw new NotFoundException("No person " + personId);
        }
    }

    private static String validId(String id) {
        if (!id.matches(Ids.PATTERN)) {
            throw new BadRequestException("Ids are letters, digits, '.', '_' and '-' (at most 100)");
        }
        return id;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new BadRequestException("Unknown time zone " + timeZone);
        }
    }
}
