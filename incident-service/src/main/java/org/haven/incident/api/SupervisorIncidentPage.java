package org.haven.incident.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.http.Problem;
import org.haven.incident.domain.AgencyReference;
import org.haven.incident.domain.AuditEntry;
import org.haven.incident.domain.AuditTrail;
import org.haven.incident.domain.ChecklistCalls;
import org.haven.incident.domain.ClientStatus;
import org.haven.incident.domain.ClientStatusChanges;
import org.haven.incident.domain.ExternalNotification;
import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentAccess;
import org.haven.incident.domain.JurisdictionPolicies;
import org.haven.incident.domain.StatusChange;
import org.haven.incident.persistence.SiteDirectory;
import org.haven.security.HavenRole;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The supervisor's page of one incident ({@code /app/incidents/{id}}, the {@code web} tenant's session): what the
 * report says, who was there, the required calls counting down in the site's zone, and the client's return or
 * hand-over to police. Only the site's supervisors and directors open it; every opening is audited as a read.
 * The alert email, text and card link here with the incident id alone.
 *
 * <p>The page's script records calls and status changes as JSON with the {@code X-Requested-With} header, which a
 * cross-site page cannot send without a CORS preflight (this service answers none), as {@link MyReportsResource}.
 */
@Path("/app/incidents/{id}")
@RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class SupervisorIncidentPage {

    static final String SCRIPT_HEADER = MyReportsResource.SCRIPT_HEADER;
    static final String OUT_OF_ORDER = "https://haven.example/problems/status-out-of-order";

    /**
     * A call made. {@code madeBy}: a person of the site (default: the one recording it). {@code madeAt}: the site's
     * wall-clock date and time (default: now). {@code reference}: the number the agency gave, if any.
     */
    public record CallRequest(
            @Pattern(regexp = org.haven.http.Ids.PATTERN, message = org.haven.http.Ids.MESSAGE) String madeBy,
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}", message = "must be the site's local date and time, e.g. 2026-11-20T09:40")
            String madeAt,
            @Pattern(regexp = AgencyReference.PATTERN, message = AgencyReference.MESSAGE) String reference) {
    }

    public record StatusRequest(@NotNull(message = "is required (one of HANDED_TO_POLICE, RETURNED)") ClientStatus status) {
    }

    public record CallView(UUID id, String doneBy, Instant doneAt, String reference, String recordedBy) {
        static CallView of(ExternalNotification item) {
            return new CallView(item.id, item.doneBy, item.doneAt, item.reference, item.recordedBy);
        }
    }

    public record StatusView(ClientStatus status, String recordedBy, Instant recordedAt) {
        static StatusView of(StatusChange change) {
            return new StatusView(change.status, change.recordedBy, change.recordedAt);
        }
    }

    private final Template page;
    private final IncidentAccess access;
    private final AuditTrail audit;
    private final SiteDirectory directory;
    private final JurisdictionPolicies policies;
    private final ChecklistCalls calls;
    private final ClientStatusChanges statuses;
    private final Clock clock;

    SupervisorIncidentPage(@Location("incident.html") Template page, IncidentAccess access, AuditTrail audit,
                           SiteDirectory directory, JurisdictionPolicies policies, ChecklistCalls calls,
                           ClientStatusChanges statuses, Clock clock) {
        this.page = page;
        this.access = access;
        this.audit = audit;
        this.directory = directory;
        this.policies = policies;
        this.calls = calls;
        this.statuses = statuses;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String show(@PathParam("id") UUID id) {
        Incident incident = readable(id);
        audit.record(access.personId(), AuditEntry.Action.VIEWED, incident);
        List<ExternalNotification> items = ExternalNotification.of(id);
        List<StatusChange> changes = StatusChange.of(id);
        List<SiteDirectory.SitePerson> sitePeople = directory.people(incident.siteId);
        Set<String> named = new LinkedHashSet<>();
        named.add(incident.reporterId);
        if (incident.involvedStaffIds != null) {
            named.addAll(incident.involvedStaffIds);
        }
        if (incident.witnessIds != null) {
            named.addAll(incident.witnessIds);
        }
        items.stream().filter(ExternalNotification::isDone).forEach(item -> {
            named.add(item.doneBy);
            if (item.recordedBy != null) {
                named.add(item.recordedBy);
            }
        });
        changes.forEach(change -> named.add(change.recordedBy));
        named.add(access.personId());
        IncidentSheet sheet = IncidentSheet.of(incident, directory.siteName(incident.siteId).orElse(incident.siteId),
                zone(incident), items, changes, sitePeople, directory.names(named), clock.instant());
        return page.data("sheet", sheet).data("personId", access.personId()).render();
    }

    /** Records that a required call was made (once: a second tap answers the first record). */
    @POST
    @Path("/checklist/{itemId}/call")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response call(@HeaderParam(SCRIPT_HEADER) String requestedWith, @PathParam("id") UUID id,
                         @PathParam("itemId") UUID itemId,
                         @NotNull(message = "a JSON body is required") @Valid CallRequest request) {
        requireScript(requestedWith);
        Incident incident = readable(id);
        ExternalNotification item = ExternalNotification.findById(itemId);
        if (item == null || !item.incidentId.equals(id)) {
            throw new NotFoundException("No checklist item " + itemId + " on incident " + id);
        }
        Instant madeAt;
        try {
            madeAt = request.madeAt() == null ? null : LocalDateTime.parse(request.madeAt()).atZone(zone(incident)).toInstant();
        } catch (DateTimeException e) {
            return invalid("madeAt", "is not a date and time");
        }
        try {
            ExternalNotification done = calls.record(incident, item,
                    new ChecklistCalls.Call(request.madeBy(), madeAt, request.reference()), access.personId());
            return Response.ok(CallView.of(done)).build();
        } catch (ChecklistCalls.InvalidCall e) {
            return invalid(e.field(), e.getMessage());
        }
    }

    /** Records the client's hand-over to police or return, in that order. */
    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response status(@HeaderParam(SCRIPT_HEADER) String requestedWith, @PathParam("id") UUID id,
                           @NotNull(message = "a JSON body is required") @Valid StatusRequest request) {
        requireScript(requestedWith);
        Incident incident = readable(id);
        try {
            return Response.ok(StatusView.of(statuses.record(incident, request.status(), access.personId()))).build();
        } catch (ClientStatusChanges.OutOfOrder e) {
            return new Problem(OUT_OF_ORDER, "Not after what is recorded", Response.Status.CONFLICT.getStatusCode(),
                    e.getMessage(), null, List.of()).toResponse();
        }
    }

    /** The site's zone from the organisation; until the directory has the site, its jurisdiction's. */
    private ZoneId zone(Incident incident) {
        return directory.zone(incident.siteId).orElseGet(() -> policies.forSite(incident.siteId).zone());
    }

    private Incident readable(UUID id) {
        Incident incident = Incident.findById(id);
        access.requireReadable(incident, "No incident " + id);
        return incident;
    }

    private static void requireScript(String requestedWith) {
        if (requestedWith == null || requestedWith.isBlank()) {
            throw new ForbiddenException("The incident page sends this with the " + SCRIPT_HEADER + " header");
        }
    }

    private static Response invalid(String field, String message) {
        return Problem.invalid("Invalid field(s): " + field, List.of(new Problem.FieldError(field, message))).toResponse();
    }
}
