package org.haven.debrief.api;

import org.haven.http.Ids;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.haven.debrief.domain.ActionItem;
import org.haven.debrief.domain.AgreedAction;
import org.haven.debrief.domain.CircleNotes;
import org.haven.debrief.domain.CircleOutcome;
import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.DebriefCircle;
import org.haven.security.HavenRole;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * The facilitator's page for one debrief: the circle's structure to follow and to write in, attendance, and
 * the agreed actions. Signed in through the {@code web} OIDC tenant; every form carries a CSRF token.
 */
@Path("/app/debriefs/{id}")
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class CirclePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance circle(DebriefView debrief, CircleView circle, List<CircleSection> sections,
                                              boolean upcoming);
    }

    private final DebriefAccess access;
    private final DebriefCircle circle;

    CirclePage(DebriefAccess access, DebriefCircle circle) {
        this.access = access;
        this.circle = circle;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("id") UUID id) {
        Debrief debrief = access.facilitated(id);
        CircleView record = CircleView.of(debrief);
        return Templates.circle(DebriefView.of(debrief), record, CircleSection.of(record.notes()), debrief.status.isUpcoming());
    }

    @POST
    @Path("/held")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response hold(@PathParam("id") UUID id,
                         @RestForm List<String> attendee,
                         @RestForm String opening, @RestForm String whatHappened, @RestForm String reactions,
                         @RestForm String whatHelped, @RestForm String sharedValues, @RestForm String supportNeeds,
                         @RestForm List<String> actionDescription, @RestForm List<String> actionOwner,
                         @RestForm List<String> actionDue) {
        Debrief debrief = access.facilitated(id);
        CircleNotes notes = new CircleNotes(limit(opening), limit(whatHappened), limit(reactions), limit(whatHelped),
                limit(sharedValues), limit(supportNeeds));
        circle.hold(debrief, new CircleOutcome(new HashSet<>(nonNull(attendee)), notes,
                actions(nonNull(actionDescription), nonNull(actionOwner), nonNull(actionDue))), access.personId());
        return backTo(id);
    }

    @POST
    @Path("/actions/{actionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response settle(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId, @RestForm String status) {
        Debrief debrief = access.facilitated(id);
        circle.settle(debrief, actionId, statusOf(status));
        return backTo(id);
    }

    @POST
    @Path("/make-ups/{staffId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response makeUpHeld(@PathParam("id") UUID id, @PathParam("staffId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String staffId) {
        circle.completeMakeUp(access.facilitated(id), staffId);
        return backTo(id);
    }

    /** Rows the facilitator left empty are skipped; a row begun must be complete. */
    private static List<AgreedAction> actions(List<String> descriptions, List<String> owners, List<String> dues) {
        List<AgreedAction> actions = new ArrayList<>();
        for (int row = 0; row < descriptions.size(); row++) {
            String description = descriptions.get(row);
            if (description == null || description.isBlank()) {
                continue;
            }
            String owner = row < owners.size() ? owners.get(row) : null;
            String due = row < dues.size() ? dues.get(row) : null;
            if (owner == null || owner.isBlank() || due == null || due.isBlank() || description.length() > 500) {
                throw new BadRequestException("Each agreed action needs a description (up to 500 characters), an owner and a due date");
            }
            try {
                actions.add(new AgreedAction(description, owner, LocalDate.parse(due)));
            } catch (DateTimeParseException e) {
                throw new BadRequestException("A due date must be a date, like 2026-12-01");
            }
        }
        return actions;
    }

    private static ActionItem.Status statusOf(String status) {
        try {
            return ActionItem.Status.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadRequestException("Status must be one of OPEN, DONE, CARRIED");
        }
    }

    private static String limit(String text) {
        if (text != null && text.length() > 4000) {
            throw new BadRequestException("Each section holds at most 4000 characters");
        }
        return text;
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static Response backTo(UUID id) {
        return Response.seeOther(UriBuilder.fromPath("/app/debriefs/{id}").build(id)).build();
    }
}
