package org.haven.wellness.api;

import org.haven.http.ratelimit.RateLimited;
import org.haven.http.ratelimit.RateLimits;
import org.haven.http.Ids;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.security.HavenRole;
import org.haven.wellness.domain.ConversationRequest;
import org.haven.wellness.domain.Conversations;

import java.time.Instant;
import java.util.UUID;

/** Asking for a conversation at any time, not only with a check-in. The supervisor learns only that you asked. */
@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class ConversationResource {

    public record AskRequest(@NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId) {
    }

    public record Asked(UUID id, String siteId, Instant requestedAt) {
    }

    private final Conversations conversations;

    ConversationResource(Conversations conversations) {
        this.conversations = conversations;
    }

    @RateLimited(value = "conversation-request", perPerson = RateLimits.CONVERSATION_PER_PERSON, perIp = RateLimits.CONVERSATION_PER_IP)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ask(@NotNull(message = "a JSON body is required") @Valid AskRequest request) {
        ConversationRequest asked = conversations.requestAt(request.siteId());
        return Response.status(Response.Status.CREATED).entity(new Asked(asked.id, asked.siteId, asked.requestedAt)).build();
    }
}
