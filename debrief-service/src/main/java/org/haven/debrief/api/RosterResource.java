package org.haven.debrief.api;

import org.haven.http.Ids;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.haven.debrief.domain.Facilitator;
import org.haven.debrief.domain.Roster;
import org.haven.debrief.domain.Shift;
import org.haven.debrief.domain.SiteSupervisor;
import org.haven.security.Caller;
import org.haven.security.HavenRole;
import org.haven.security.SiteScope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The roster debriefs are planned from. Admins keep it for every site; a supervisor keeps the shifts of
 * their own sites; staff read their own shifts.
 */
@Path("/api/roster")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    private final Roster roster;
    private final Caller caller;
    private final SiteScope sites;

    RosterResource(Roster roster, Caller caller, SiteScope sites) {
        this.roster = roster;
        this.caller = caller;
        this.sites = sites;
    }

    @POST
    @Path("/shifts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({HavenRole.ADMIN, HavenRole.SUPERVISOR})
    @Transactional
    public Response addShift(@NotNull(message = "a JSON body is required") @Valid ShiftRequest request, @Context UriInfo uri) {
        requireRosterKeeperOf(request.siteId());
        Shift shift = new Shift();
        shift.id = UUID.randomUUID();
        shift.staffId = request.staffId();
        shift.siteId = request.siteId();
        shift.startsAt = request.startsAt();
        shift.endsAt = request.endsAt();
        shift.persist();
        return Response.created(uri.getBaseUriBuilder().path("api/roster/shifts").path(shift.id.toString()).build())
                .entity(ShiftView.of(shift)).build();
    }

    @DELETE
    @Path("/shifts/{id}")
    @RolesAllowed({HavenRole.ADMIN, HavenRole.SUPERVISOR})
    @Transactional
    public void removeShift(@PathParam("id") UUID id) {
        Shift shift = Shift.findById(id);
        if (shift == null || !caller.is(HavenRole.ADMIN) && !sites.isVisible(shift.siteId)) {
            throw new NotFoundException("No shift " + id);
        }
        shift.delete();
    }

    /** A staff member's shifts overlapping {@code from}–{@code to}: their own, or those at the caller's sites. */
    @GET
    @Path("/staff/{staffId}/shifts")
    @RolesAllowed({HavenRole.ADMIN, HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.STAFF})
    public List<ShiftView> shiftsOf(@PathParam("staffId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String staffId, @NotNull @QueryParam("from") Instant from,
                                    @NotNull @QueryParam("to") Instant to) {
        boolean own = staffId.equals(caller.personId());
        boolean admin = caller.is(HavenRole.ADMIN);
        if (!own && !admin && !caller.is(HavenRole.SUPERVISOR) && !caller.is(HavenRole.DIRECTOR)) {
            throw new ForbiddenException("Staff read their own shifts");
        }
        return Shift.<Shift>find("staffId = ?1 and endsAt > ?2 and startsAt < ?3", Sort.ascending("startsAt"), staffId, from, to)
                .stream()
                .filter(s -> own || admin || sites.isVisible(s.siteId))
                .map(ShiftView::of).toList();
    }

    @GET
    @Path("/sites/{siteId}")
    @RolesAllowed({HavenRole.ADMIN, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
    public SiteRosterView site(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId) {
        if (!caller.is(HavenRole.ADMIN)) {
            sites.requireVisible(siteId, "No site " + siteId);
        }
        return new SiteRosterView(siteId, roster.supervisorOf(siteId).orElse(null), roster.facilitatorsOf(siteId));
    }

    @PUT
    @Path("/sites/{siteId}/supervisor")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(HavenRole.ADMIN)
    @Transactional
    public SiteRosterView setSupervisor(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
                                        @NotNull(message = "a JSON body is required") @Valid SupervisorRequest request) {
        SiteSupervisor supervisor = SiteSupervisor.<SiteSupervisor>findByIdOptional(siteId).orElseGet(() -> {
            SiteSupervisor created = new SiteSupervisor();
            created.siteId = siteId;
            return created;
        });
        supervisor.supervisorId = request.supervisorId();
        supervisor.persist();
        return new SiteRosterView(siteId, supervisor.supervisorId, roster.facilitatorsOf(siteId));
    }

    @PUT
    @Path("/sites/{siteId}/facilitators/{staffId}")
    @RolesAllowed(HavenRole.ADMIN)
    @Transactional
    public SiteRosterView addFacilitator(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId, @PathParam("staffId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String staffId) {
        if (Facilitator.findById(new Facilitator.Key(siteId, staffId)) == null) {
            Facilitator facilitator = new Facilitator();
            facilitator.siteId = siteId;
            facilitator.staffId = staffId;
            facilitator.persist();
        }
        return new SiteRosterView(siteId, roster.supervisorOf(siteId).orElse(null), roster.facilitatorsOf(siteId));
    }

    @DELETE
    @Path("/sites/{siteId}/facilitators/{staffId}")
    @RolesAllowed(HavenRole.ADMIN)
    @Transactional
    public SiteRosterView removeFacilitator(@PathParam("siteId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId, @PathParam("staffId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String staffId) {
        Facilitator.deleteById(new Facilitator.Key(siteId, staffId));
        return new SiteRosterView(siteId, roster.supervisorOf(siteId).orElse(null), roster.facilitatorsOf(siteId));
    }

    private void requireRosterKeeperOf(String siteId) {
        if (!caller.is(HavenRole.ADMIN) && !sites.isVisible(siteId)) {
            throw new ForbiddenException("You keep the roster of your own sites only");
        }
    }
}
