package org.haven.notification.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.haven.notification.domain.Alert;
import org.haven.notification.domain.AlertStatus;
import org.haven.notification.domain.Delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @GET
    public AlertPage list(@QueryParam("incidentId") UUID incidentId,
                          @QueryParam("site") String site,
                          @QueryParam("status") AlertStatus status,
                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
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
        if (alert == null) {
            throw new NotFoundException("No alert " + id);
        }
        return AlertDetail.of(alert, Delivery.ofAlert(id));
    }
}
