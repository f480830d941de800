package org.haven.debrief.api;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.haven.security.HavenRole;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** Time from incident to debrief per site and month (UTC), over the caller's sites: the deadline-compliance view. */
@Path("/api/debriefs/compliance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class ComplianceResource {

    private final DebriefAccess access;
    private final Clock clock;

    ComplianceResource(DebriefAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @GET
    public List<ComplianceMonth> compliance(@QueryParam("months") @DefaultValue("6") @Min(1) @Max(36) int months) {
        if (access.visibleSites().isEmpty()) {
            return List.of();
        }
        Instant from = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(months - 1L)
                .atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        SELECT site_id, to_char(held_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*),
                               count(*) FILTER (WHERE held_at <= deadline),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM held_at - reported_at) / 3600)
                        FROM debrief
                        WHERE held_at IS NOT NULL AND held_at >= ?1 AND site_id IN (?2)
                        GROUP BY 1, 2 ORDER BY 1, 2""")
                .setParameter(1, from).setParameter(2, access.visibleSites()).getResultList();
        return rows.stream().map(row -> new ComplianceMonth((String) row[0],
                (String) row[1],
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                Math.round(((Number) row[4]).doubleValue() * 10) / 10.0)).toList();
    }
}
