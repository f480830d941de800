package org.haven.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.haven.notification.domain.Notice;
import org.haven.notification.domain.NoticeDelivery;
import org.haven.security.Caller;
import org.haven.security.HavenRole;

import java.util.List;

/**
 * The caller's own notices (invites, reminders, support prompts) and how each was delivered, newest
 * first. Only one's own: a notice about a colleague's wellbeing is for the supervisor it was sent to.
 */
@Path("/api/notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class NoticeResource {

    private final Caller caller;

    NoticeResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Transactional
    public List<NoticeView> mine(@QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return Notice.to(caller.personId(), size).stream()
                .map(notice -> NoticeView.of(notice, NoticeDelivery.ofNotice(notice.id)))
                .toList();
    }
}
