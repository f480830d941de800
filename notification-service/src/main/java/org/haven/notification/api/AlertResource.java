package org.haven.notification.api;

import org.haven.http.ratelimit.RateLimited;
import org.haven.http.ratelimit.RateLimits;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.haven.notification.domain.Acknowledgement;
import org.haven.notification.domain.Alert;
import org.haven.notification.domain.AlertAccess;
import org.haven.notification.domain.AlertStatus;
import org.haven.notification.domain.Delivery;
import org.haven.security.HavenRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class AlertResource {

    private final AlertAccess access;
    private final Acknowledgement acknowledgement;

    AlertResource(AlertAccess access, Acknowledgement acknowledgement) {
        this.access = access;
        this.acknowledgement = acknowledgement;
    }

    @GET
    public AlertPage list(@QueryParam("incidentId") UUID incidentId,
                          @QueryParam("site") String site,
                          @QueryParam("status") AlertStatus status,
                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (access.seesWholeSites()) {
            Set<String> sites = access.visibleSites();
            if (sites.isEmpty()) {
                return new AlertPage(List.of(), page, size, 0);
            }
            where.add("siteId in :sites");
            params = params.and("sites", sites);
        } else {
            where.add("recipientId = :me");
            params = params.and("me", access.personId());
        }
        if (incidentId != null) {
            where.add("incidentId = :incident");
            params = params.and("incident", incidentId);
        }
        if (site != null) {
            where.add("siteId = :site");
            params = params.and("site", site);
        }
        if (status != null) {
            where.add("status = :status");
            params = params.and("status", status);
        }
        PanacheQuery<Alert> query = Alert.find(String.join(" and ", where), Sort.descending("raisedAt").and("recipientId"), params);
        List<AlertView> items = query.page(Page.of(page, size)).list().stream().map(AlertView::of).toList();
        return new AlertPage(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    public AlertDetail get(@PathParam("id") UUID id) {
        Alert alert = Alert.findById(id);
        access.requireReadable(alert, "No alert " + id);
        return AlertDetail.of(alert, Delivery.ofAlert(id));
    }

    /** The caller takes charge of the alert's incident; the answer names whoever has it (the caller, or who was first). */
    @RateLimited(value = "acknowledge", perPerson = RateLimits.ACK_PER_PERSON, perIp = RateLimits.ACK_PER_IP)
    @POST
    @Path("/{id}/ack")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
    @Transactional
    public AlertView acknowledge(@PathParam("id") UUID id) {
        Alert alert = Alert.findById(id);
        access.requireAcknowledgeable(alert, "No alert " + id);
        acknowledgement.acknowledge(id, access.personId());
        return AlertView.of(alert);
    }
}
