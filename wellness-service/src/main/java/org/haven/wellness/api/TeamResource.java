package org.haven.wellness.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.haven.security.HavenRole;
import org.haven.wellness.domain.TeamAggregates;
import org.haven.wellness.domain.WellnessAccess;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Team aggregates for directors, per site of their program and calendar month: every figure suppressed below five
 * people, the reader never one of them (see {@link TeamAggregates}).
 */
@Path("/api/team/aggregates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(HavenRole.DIRECTOR)
public class TeamResource {

    static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";
    static final int DEFAULT_MONTHS = 6;
    static final int MOST_MONTHS = 24;

    private final TeamAggregates aggregates;
    private final WellnessAccess access;
    private final Clock clock;

    TeamResource(TeamAggregates aggregates, WellnessAccess access, Clock clock) {
        this.aggregates = aggregates;
        this.access = access;
        this.clock = clock;
    }

    /** Months {@code from} to {@code to} inclusive (yyyy-MM, UTC); by default the last six up to the current one. */
    @GET
    public List<TeamAggregates.SiteMonth> get(@QueryParam("from") @Pattern(regexp = MONTH, message = "must be yyyy-MM") String from,
                                              @QueryParam("to") @Pattern(regexp = MONTH, message = "must be yyyy-MM") String to) {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        YearMonth last = to == null ? current : YearMonth.parse(to);
        YearMonth first = from == null ? last.minusMonths(DEFAULT_MONTHS - 1) : YearMonth.parse(from);
        if (first.isAfter(last) || ChronoUnit.MONTHS.between(first, last) >= MOST_MONTHS) {
            throw new BadRequestException("from must not be after to, and at most " + MOST_MONTHS + " months apart");
        }
        return aggregates.of(access.visibleSites(), first, last, current, access.personId());
    }
}
