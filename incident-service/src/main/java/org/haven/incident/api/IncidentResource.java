package org.haven.incident.api;

import org.haven.http.ratelimit.RateLimited;
import org.haven.http.ratelimit.RateLimits;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.haven.incident.domain.AuditEntry;
import org.haven.incident.domain.AuditTrail;
import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentAccess;
import org.haven.incident.domain.IncidentSubmission;
import org.haven.incident.domain.IncidentType;
import org.haven.security.HavenRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Incident reports. There is no PUT or PATCH: a submitted report is corrected by amendments only. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class IncidentResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IncidentSubmission submission;
    private final IncidentAccess access;
    private final AuditTrail audit;

    IncidentResource(IncidentSubmission submission, IncidentAccess access, AuditTrail audit) {
        this.submission = submission;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Stores a report (201). With an {@code Idempotency-Key}, sending the same key again returns the
     * incident it created (200) and stores nothing but the audit entry of that read: the answer is the
     * whole report, narrative included.
     */
    @RateLimited(value = "report", perPerson = RateLimits.REPORT_PER_PERSON, perIp = RateLimits.REPORT_PER_IP)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@NotNull(message = "a JSON body is required") @Valid ReportIncidentRequest request,
                           @Parameter(description = "A UUID chosen by the client per report; retries reuse it")
                           @HeaderParam(IDEMPOTENCY_KEY) UUID idempotencyKey,
                           @Context UriInfo uri) {
        String reporterId = access.reporterFor(request.siteId(), request.reporterId());
        IncidentSubmission.Outcome outcome = submission.submit(request.toReport(reporterId), access.personId(), idempotencyKey);
        Incident incident = outcome.incident();
        if (!outcome.created()) {
            if (!access.mayRead(incident)) {
                throw new ClientErrorException("This Idempotency-Key was already used for another report", Response.Status.CONFLICT);
            }
            String reader = access.personId();
            QuarkusTransaction.requiringNew().run(() -> audit.record(reader, AuditEntry.Action.VIEWED, incident));
        }
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(uri.getBaseUriBuilder().path("api/incidents").path(incident.id.toString()).build())
                .entity(IncidentView.of(incident)).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public IncidentView get(@PathParam("id") UUID id) {
        Incident incident = Incident.findById(id);
        access.requireReadable(incident, "No incident " + id);
        audit.record(access.personId(), AuditEntry.Action.VIEWED, incident);
        return IncidentView.of(incident);
    }

    /** Newest first. {@code from}/{@code to} bound the time the incident occurred (from inclusive, to exclusive). */
    @GET
    @Transactional
    public IncidentPage list(@QueryParam("site") String site,
                             @QueryParam("type") IncidentType type,
                             @QueryParam("critical") Boolean critical,
                             @QueryParam("from") @Pattern(regexp = Ids.INSTANT, message = Ids.INSTANT_MESSAGE) String from,
                             @QueryParam("to") @Pattern(regexp = Ids.INSTANT, message = Ids.INSTANT_MESSAGE) String to,
                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (access.seesWholeSites()) {
            Set<String> sites = access.visibleSites();
            if (sites.isEmpty()) {
                return new IncidentPage(List.of(), page, size, 0);
            }
            where.add("siteId in :sites");
            params = params.and("sites", sites);
        } else {
            where.add("reporterId = :me");
            params = params.and("me", access.personId());
        }
        if (site != null) {
            where.add("siteId = :site");
            params = params.and("site", site);
        }
        if (type != null) {
            where.add("type = :type");
            params = params.and("type", type);
        }
        if (critical != null) {
            where.add("critical = :critical");
            params = params.and("critical", critical);
        }
        if (from != null) {
            where.add("occurredAt >= :from");
            params = params.and("from", Instant.parse(from));
        }
        if (to != null) {
            where.add("occurredAt < :to");
            params = params.and("to", Instant.parse(to));
        }
        PanacheQuery<Incident> query = Incident.find(String.join(" and ", where), Sort.descending("reportedAt").and("id"), params);
        List<Incident> incidents = query.page(Page.of(page, size)).list();
        audit.recordAll(access.personId(), AuditEntry.Action.LISTED, incidents);
        return new IncidentPage(incidents.stream().map(IncidentView::of).toList(), page, size, query.count());
    }
}
