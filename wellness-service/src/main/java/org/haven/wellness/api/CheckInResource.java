package org.haven.wellness.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.haven.security.HavenRole;
import org.haven.wellness.domain.CheckInErasure;
import org.haven.wellness.domain.Instrument;
import org.haven.wellness.domain.Instruments;
import org.haven.wellness.domain.SelfCheckIns;
import org.haven.wellness.domain.SupportOptions;

import java.util.List;
import java.util.UUID;

/**
 * Private self check-ins. Every read here is of the caller's own check-ins: there is no way, for any
 * role, to read someone else's answers or scores. Admins hold no role that reaches this resource.
 */
@Path("/api/checkins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class CheckInResource {

    private final SelfCheckIns checkIns;
    private final Instruments instruments;
    private final SupportOptions support;
    private final CheckInErasure erasure;

    CheckInResource(SelfCheckIns checkIns, Instruments instruments, SupportOptions support, CheckInErasure erasure) {
        this.checkIns = checkIns;
        this.erasure = erasure;
        this.instruments = instruments;
        this.support = support;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@NotNull(message = "a JSON body is required") @Valid SubmitCheckInRequest request, @Context UriInfo uri) {
        SelfCheckIns.Result result = checkIns.submit(request.followUpId(), request.answers(), request.requestConversation());
        return Response.created(uri.getAbsolutePathBuilder().path(result.checkIn().id.toString()).build())
                .entity(CheckInView.of(result, instruments, support)).build();
    }

    @GET
    @Path("/{id}")
    public CheckInView get(@PathParam("id") UUID id) {
        return CheckInView.of(checkIns.own(id), instruments, support);
    }

    /** Erases one of the caller's own check-ins for good; anyone else's, or one already erased, is 404. */
    @DELETE
    @Path("/{id}")
    public Response erase(@PathParam("id") UUID id) {
        erasure.eraseOwn(id);
        return Response.noContent().build();
    }

    @GET
    public List<CheckInView> mine() {
        return checkIns.ownAll().stream().map(result -> CheckInView.of(result, instruments, support)).toList();
    }

    /** The questions a check-in asks (no answers): the required wellbeing check first. */
    @GET
    @Path("/instruments")
    public List<Instrument> instruments() {
        return instruments.all();
    }
}
