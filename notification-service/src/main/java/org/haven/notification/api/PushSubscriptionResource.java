package org.haven.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.http.Problem;
import org.haven.notification.domain.AlertAccess;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.PushSubscription;
import org.haven.notification.domain.PushSubscriptions;
import org.haven.notification.messaging.PushGateway;
import org.haven.security.HavenRole;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The alerts page's web push control (signed in through the {@code web} tenant, like {@link AlertsPage}): the VAPID
 * key a browser subscribes with, and keeping or dropping that browser's subscription for the signed-in supervisor or
 * director. Changes must carry {@code X-Requested-With}, which a cross-site form cannot set.
 */
@Path("/app/api/push")
@RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class PushSubscriptionResource {

    public record ServerKey(String publicKey) {
    }

    public record Subscribed(boolean subscribed) {
    }

    private final PushGateway push;
    private final PushSubscriptions subscriptions;
    private final AlertAccess access;
    private final Directory directory;

    PushSubscriptionResource(PushGateway push, PushSubscriptions subscriptions, AlertAccess access, Directory directory) {
        this.push = push;
        this.subscriptions = subscriptions;
        this.access = access;
        this.directory = directory;
    }

    @GET
    @Path("/key")
    public ServerKey key() {
        return new ServerKey(push.publicKey());
    }

    @PUT
    @Path("/subscription")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Subscribed subscribe(@NotNull @Valid PushSubscriptionRequest request, @HeaderParam(AlertsPage.SCRIPT_HEADER) String fromScript) {
        requireScript(fromScript);
        String me = access.personId();
        if (directory.person(me).isEmpty()) {
            throw new io.quarkus.security.ForbiddenException("Only people in Haven's directory are alerted");
        }
        subscriptions.subscribe(me, request.endpoint(), request.keys().p256dh(), request.keys().auth());
        return new Subscribed(true);
    }

    @DELETE
    @Path("/subscription")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Subscribed unsubscribe(@NotNull @Valid PushSubscriptionRequest.Endpoint request, @HeaderParam(AlertsPage.SCRIPT_HEADER) String fromScript) {
        requireScript(fromScript);
        subscriptions.unsubscribe(access.personId(), request.endpoint());
        return new Subscribed(false);
    }

    /** Whether the signed-in person has any browser subscribed (the page shows this browser's own state itself). */
    @GET
    @Path("/subscription")
    public Subscribed anySubscribed() {
        return new Subscribed(!PushSubscription.ofPerson(access.personId()).isEmpty());
    }

    @ServerExceptionMapper
    public Response invalid(PushSubscriptions.Invalid e) {
        return Problem.invalid("Invalid field(s): " + e.field, List.of(new Problem.FieldError(e.field, e.getMessage()))).toResponse();
    }

    private static void requireScript(String fromScript) {
        if (fromScript == null || fromScript.isBlank()) {
            throw new BadRequestException("Subscribe from the alerts page");
        }
    }
}
