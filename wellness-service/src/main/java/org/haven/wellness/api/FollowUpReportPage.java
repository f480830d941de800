package org.haven.wellness.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.http.report.ReportBody;
import org.haven.http.report.ReportDownload;
import org.haven.http.report.ReportPeriod;
import org.haven.http.report.ReportSites;
import org.haven.security.HavenRole;
import org.haven.wellness.domain.TeamAggregates;
import org.haven.wellness.domain.WellnessAccess;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Follow-up completion per site and month for a board, as a printable page and CSV: how many follow-ups were opened
 * and how many happened, never an answer. The same reader (directors) and the same figures as the team view: every
 * month the period touches, as a whole calendar month (UTC), because a figure over any other cut could be set against
 * the team view's to single someone out; and only where {@link TeamAggregates}' floor (five people other than the
 * reader) is met.
 */
@Path("/app/wellness/reports")
@RolesAllowed(HavenRole.DIRECTOR)
public class FollowUpReportPage {

    static final List<String> HEADER = List.of("site", "month", "follow_ups_opened", "follow_ups_happened", "happened_percent", "note");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance followUps(String from, String to, String firstMonth, String lastMonth,
                                                 List<String> sites, String site, String csvLink);
    }

    private final TeamAggregates aggregates;
    private final WellnessAccess access;
    private final Clock clock;

    FollowUpReportPage(TeamAggregates aggregates, WellnessAccess access, Clock clock) {
        this.aggregates = aggregates;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Path("/follow-ups")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("site") String site) {
        ReportPeriod period = from == null && to == null ? ReportPeriod.lastMonth(clock) : ReportPeriod.parse(from, to);
        ReportBody body = body(sites(site), period);
        String csv = "/app/wellness/reports/follow-ups.csv?from=" + period.from() + "&to=" + period.to()
                + (site == null ? "" : "&site=" + URLEncoder.encode(site, StandardCharsets.UTF_8));
        String rendered = Templates.followUps(period.from().toString(), period.to().toString(),
                YearMonth.from(period.from()).toString(), YearMonth.from(period.to()).toString(),
                List.copyOf(new TreeSet<>(access.visibleSites())), site, csv).render();
        return ReportDownload.page(rendered, body);
    }

    @GET
    @Path("/follow-ups.csv")
    @Produces(ReportDownload.CSV)
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("site") String site) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        return ReportDownload.csv("follow-up-completion_" + (site == null ? "all-sites" : site) + "_" + period.label() + ".csv",
                body(sites(site), period));
    }

    /** The figures are read here, while the request is still the reader's: a few rows per site and month. */
    private ReportBody body(Set<String> sites, ReportPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        for (TeamAggregates.SiteMonth month : aggregates.followUpCompletion(sites, YearMonth.from(period.from()),
                YearMonth.from(period.to()), access.personId())) {
            if (month.followUpsSuppressed() != null) {
                rows.add(Arrays.asList(month.siteId(), month.month().toString(), "", "", "", TeamPage.FEWER));
                continue;
            }
            long opened = month.followUpsOpened();
            long happened = month.followUpsCompleted();
            rows.add(List.of(month.siteId(), month.month().toString(), Long.toString(opened), Long.toString(happened),
                    opened == 0 ? "" : Long.toString(Math.round(100.0 * happened / opened)), ""));
        }
        return out -> {
            out.header(HEADER);
            for (List<String> row : rows) {
                out.row(row);
            }
        };
    }

    private Set<String> sites(String site) {
        return ReportSites.chosen(access.visibleSites(), site);
    }

}
