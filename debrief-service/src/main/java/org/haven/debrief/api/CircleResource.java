package org.haven.debrief.api;

import org.haven.http.Ids;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.DebriefCircle;
import org.haven.security.HavenRole;

import java.util.UUID;

/** The circle of one debrief: run by its facilitator, or by a supervisor or director of its site. */
@Path("/api/debriefs/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class CircleResource {

    private final DebriefAccess access;
    private final DebriefCircle circle;

    CircleResource(DebriefAccess access, DebriefCircle circle) {
        this.access = access;
        this.circle = circle;
    }

    @GET
    @Path("/circle")
    public CircleView get(@PathParam("id") UUID id) {
        return CircleView.of(access.facilitated(id));
    }

    @POST
    @Path("/held")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public CircleView hold(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid HoldRequest request) {
        Debrief debrief = access.facilitated(id);
        circle.hold(debrief, request.outcome(), access.personId());
        return CircleView.of(debrief);
    }

    @POST
    @Path("/actions/{actionId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public CircleView settle(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId,
                             @NotNull(message = "a JSON body is required") @Valid SettleActionRequest request) {
        Debrief debrief = access.facilitated(id);
        circle.settle(debrief, actionId, request.status());
        return CircleView.of(debrief);
    }

    @POST
    @Path("/actions/{actionId}/due")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public CircleView moveDue(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId,
                              @NotNull(message = "a JSON body is required") @Valid MoveDueRequest request) {
        Debrief debrief = access.facilitated(id);
        circle.moveDue(debrief, actionId, request.dueOn());
        return CircleView.of(debrief);
    }

    @POST
    @Path("/make-ups/{staffId}/done")
    @Transactional
    public CircleView makeUpHeld(@PathParam("id") UUID id, @PathParam("staffId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String staffId) {
        Debrief debrief = access.facilitated(id);
        circle.completeMakeUp(debrief, staffId);
        return CircleView.of(debrief);
    }
}
