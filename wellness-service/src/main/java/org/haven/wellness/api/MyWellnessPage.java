package org.haven.wellness.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.haven.security.HavenRole;
import org.haven.wellness.domain.CheckInErasure;
import org.haven.wellness.domain.FollowUp;
import org.haven.wellness.domain.Instruments;
import org.haven.wellness.domain.SelfCheckIns;
import org.haven.wellness.domain.SupportOptions;
import org.haven.wellness.domain.WellnessAccess;

import java.util.List;
import java.util.UUID;

/**
 * A person's own wellness pages: their follow-ups, the private self check-in form, and afterwards their
 * own result with the organisation's support options. Nothing here shows anyone else's answers: every
 * check-in read goes through {@link SelfCheckIns}, which answers someone else's like a missing one (404).
 */
@Path("/app/wellness")
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
@Produces(MediaType.TEXT_HTML)
public class MyWellnessPage {

    /** Recent follow-ups shown on the list, newest due first. */
    static final int SHOWN = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance followUps(List<FollowUpRow> followUps, boolean supervises, boolean directs, boolean erased);

        static native TemplateInstance checkIn(FollowUp followUp, CheckInForm form, String problem);

        static native TemplateInstance result(OwnResult result, List<SupportOptions.Option> support);
    }

    /** One of the caller's follow-ups, with the check-in they gave on it if any. */
    public record FollowUpRow(FollowUp followUp, UUID checkInId) {

        public boolean canCheckIn() {
            return followUp.isOpen() && followUp.kind.isSelfCheckIn();
        }
    }

    private final WellnessAccess access;
    private final SelfCheckIns checkIns;
    private final Instruments instruments;
    private final SupportOptions support;
    private final CheckInErasure erasure;

    MyWellnessPage(WellnessAccess access, SelfCheckIns checkIns, Instruments instruments, SupportOptions support,
                   CheckInErasure erasure) {
        this.access = access;
        this.erasure = erasure;
        this.checkIns = checkIns;
        this.instruments = instruments;
        this.support = support;
    }

    @GET
    public TemplateInstance followUps(@QueryParam("erased") boolean erased) {
        List<FollowUpRow> rows = FollowUp.<FollowUp>find("staffId = ?1 order by dueAt desc, kind", access.personId())
                .page(0, SHOWN).list().stream()
                .map(f -> new FollowUpRow(f, f.kind.isSelfCheckIn() && !f.isOpen() ? checkIns.ownCheckInOf(f.id).orElse(null) : null))
                .toList();
        return Templates.followUps(rows, access.supervises(), access.directs(), erased);
    }

    @GET
    @Path("/followups/{id}/check-in")
    public Response form(@PathParam("id") UUID id) {
        FollowUp followUp = ownSelfCheckIn(id);
        if (!followUp.isOpen()) {
            return checkIns.ownCheckInOf(id).map(MyWellnessPage::toResult).orElseGet(MyWellnessPage::toList);
        }
        return Response.ok(Templates.checkIn(followUp, CheckInForm.of(instruments), null)).build();
    }

    @POST
    @Path("/followups/{id}/check-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        FollowUp followUp = ownSelfCheckIn(id);
        try {
            SelfCheckIns.Result result = checkIns.submit(id, CheckInForm.answersFrom(form, instruments), false);
            return toResult(result.checkIn().id);
        } catch (BadRequestException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.checkIn(followUp, CheckInForm.of(instruments), e.getMessage())).build();
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                return checkIns.ownCheckInOf(id).map(MyWellnessPage::toResult).orElseGet(MyWellnessPage::toList);
            }
            throw e;
        }
    }

    @GET
    @Path("/check-ins/{id}")
    public TemplateInstance result(@PathParam("id") UUID id) {
        return Templates.result(OwnResult.of(checkIns.own(id), instruments), support.all());
    }

    /** "I'd like a conversation": the supervisor learns only that the person asked. */
    @POST
    @Path("/check-ins/{id}/conversation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response askForConversation(@PathParam("id") UUID id) {
        checkIns.askForConversation(id);
        return toResult(id);
    }

    /** "Erase this check-in": gone for good; the follow-up stays marked as having happened. */
    @POST
    @Path("/check-ins/{id}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@PathParam("id") UUID id) {
        erasure.eraseOwn(id);
        return Response.seeOther(UriBuilder.fromPath("/app/wellness").queryParam("erased", "true").build()).build();
    }

    private FollowUp ownSelfCheckIn(UUID id) {
        FollowUp followUp = FollowUp.findById(id);
        if (followUp == null || !access.isMine(followUp.staffId) || !followUp.kind.isSelfCheckIn()) {
            throw new NotFoundException("No check-in of yours " + id);
        }
        return followUp;
    }

    private static Response toResult(UUID checkInId) {
        return Response.seeOther(UriBuilder.fromPath("/app/wellness/check-ins/{id}").build(checkInId)).build();
    }

    private static Response toList() {
        return Response.seeOther(UriBuilder.fromPath("/app/wellness").build()).build();
    }
}
