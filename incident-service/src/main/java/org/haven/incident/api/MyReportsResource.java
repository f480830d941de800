package org.haven.incident.api;

import org.haven.http.ratelimit.RateLimited;
import org.haven.http.ratelimit.RateLimits;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.incident.domain.AuditEntry;
import org.haven.incident.domain.AuditTrail;
import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentAccess;
import org.haven.incident.domain.IncidentSubmission;
import org.haven.incident.domain.IncidentType;
import org.haven.http.Problem;
import org.haven.security.HavenRole;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The JSON the reporting page's script talks to, authenticated by the page's session cookie.
 *
 * <p>No CSRF token: these endpoints accept only {@code application/json} and require the
 * {@code X-Requested-With} header, neither of which a cross-site page can send without a CORS
 * preflight, and this service answers no preflight. A token would also go stale on a report that
 * waits hours on the phone for signal; the {@code Idempotency-Key} is what makes its resending safe.
 */
@Path("/app/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class MyReportsResource {

    static final String SCRIPT_HEADER = "X-Requested-With";
    /** Who wrote a report the phone kept: the page sends it with every report it sends. */
    static final String AUTHOR_HEADER = "X-Haven-Author";
    static final String AUTHOR_NOT_SIGNED_IN = "https://haven.example/problems/author-not-signed-in";

    /** One of my reports, as the phone lists it: no narrative, no client codes. */
    public record MyReport(UUID id, IncidentType type, Instant occurredAt, Instant reportedAt, boolean critical, Status status) {
        static MyReport of(Incident incident) {
            return new MyReport(incident.id, incident.type, incident.occurredAt, incident.reportedAt, incident.critical,
                    incident.critical ? Status.CRITICAL_RESPONSE_STARTED : Status.RECEIVED);
        }
    }

    /**
     * RECEIVED: stored. CRITICAL_RESPONSE_STARTED: stored and announced in the same transaction, so the
     * supervisor alert, the debrief and the follow-ups are under way.
     */
    public enum Status { RECEIVED, CRITICAL_RESPONSE_STARTED }

    private final IncidentSubmission submission;
    private final IncidentAccess access;
    private final AuditTrail audit;

    MyReportsResource(IncidentSubmission submission, IncidentAccess access, AuditTrail audit) {
        this.submission = submission;
        this.access = access;
        this.audit = audit;
    }

    @RateLimited(value = "report", perPerson = RateLimits.REPORT_PER_PERSON, perIp = RateLimits.REPORT_PER_IP)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@HeaderParam(SCRIPT_HEADER) String requestedWith,
                           @HeaderParam(AUTHOR_HEADER) String author,
                           @HeaderParam(IncidentResource.IDEMPOTENCY_KEY) UUID idempotencyKey,
                           @NotNull(message = "a JSON body is required") @Valid ReportIncidentRequest request) {
        if (requestedWith == null || requestedWith.isBlank()) {
            throw new ForbiddenException("The reporting page sends reports with the " + SCRIPT_HEADER + " header");
        }
        if (author != null && !author.equals(access.personId())) {
            // A shared phone: a report kept by one person's page must not be stored under whoever signed in since.
            return new Problem(AUTHOR_NOT_SIGNED_IN, "Written by someone else", Response.Status.CONFLICT.getStatusCode(),
                    "This report was kept on the phone for another person than the one signed in now, so it was not stored",
                    null, List.of()).toResponse();
        }
        String reporterId = access.reporterFor(request.siteId(), request.reporterId());
        IncidentSubmission.Outcome outcome = submission.submit(request.toReport(reporterId), access.personId(), idempotencyKey);
        if (!outcome.created() && !access.mayRead(outcome.incident())) {
            throw new jakarta.ws.rs.ClientErrorException("This Idempotency-Key was already used for another report", Response.Status.CONFLICT);
        }
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(MyReport.of(outcome.incident())).build();
    }

    /** My ten most recent reports. */
    @GET
    @Transactional
    public List<MyReport> mine() {
        List<Incident> incidents = Incident.<Incident>find("reporterId", Sort.descending("reportedAt"), access.personId())
                .page(Page.ofSize(10)).list();
        audit.recordAll(access.personId(), AuditEntry.Action.LISTED, incidents);
        return incidents.stream().map(MyReport::of).toList();
    }
}
