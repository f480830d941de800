package org.haven.wellness.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
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
import org.haven.wellness.domain.TeamAggregates;
import org.haven.wellness.domain.WellnessAccess;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The director's team view: per site of their program, follow-up completion month by month and the
 * check-in trends, as plots with the same figures in a table. It shows only what {@link TeamAggregates}
 * releases to this reader, exactly as the JSON API does: figures where at least five people other than
 * the reader are behind them, check-in figures only for months that are over.
 */
@Path("/app/wellness/team")
@RolesAllowed(HavenRole.DIRECTOR)
@Produces(MediaType.TEXT_HTML)
public class TeamPage {

    static final String FEWER = "fewer than 5 — not shown";
    static final String NOT_OVER = "month not over — not shown";
    static final String ERASED = "changed by an erasure — not shown";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(List<SiteView> sites, int months);
    }

    public record SiteView(String siteId, RawString completionChart, List<Trend> trends, List<String> subscaleTitles, List<MonthRow> rows) {
    }

    public record Trend(String title, RawString chart) {
    }

    /** {@code followUpsShown} false: opened and completed are null and {@code completion} says why. */
    public record MonthRow(String month, boolean followUpsShown, Long opened, Long completed, String completion, List<String> means) {
    }

    private record Subscale(String key, String title, int min, int max) {
    }

    private final TeamAggregates aggregates;
    private final WellnessAccess access;
    private final Clock clock;

    TeamPage(TeamAggregates aggregates, WellnessAccess access, Clock clock) {
        this.aggregates = aggregates;
        this.access = access;
        this.clock = clock;
    }

    @GET
    public TemplateInstance team(@QueryParam("months") @DefaultValue("6") @Min(2) @Max(12) int months) {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        Map<String, List<TeamAggregates.SiteMonth>> bySite = new LinkedHashMap<>();
        for (TeamAggregates.SiteMonth month : aggregates.of(access.visibleSites(), current.minusMonths(months - 1L), current, current,
                access.personId())) {
            bySite.computeIfAbsent(month.siteId(), site -> new ArrayList<>()).add(month);
        }
        List<SiteView> sites = new ArrayList<>();
        int chart = 0;
        for (Map.Entry<String, List<TeamAggregates.SiteMonth>> site : bySite.entrySet()) {
            sites.add(view(site.getKey(), site.getValue(), "chart-" + chart++));
        }
        return Templates.team(sites, months);
    }

    private static SiteView view(String siteId, List<TeamAggregates.SiteMonth> months, String chartId) {
        RawString completion = new RawString(TeamChart.completion(chartId, "Follow-ups at " + siteId + ", opened and happened per month",
                months.stream().map(m -> new TeamChart.Completion(m.month(), m.followUpsOpened(), m.followUpsCompleted(),
                        m.followUpsSuppressed() == null ? null : FEWER)).toList()));

        Map<String, Subscale> subscales = new LinkedHashMap<>();
        months.forEach(m -> m.checkIns().subscales().forEach(s -> subscales.putIfAbsent(key(s),
                new Subscale(key(s), s.title(), s.min(), s.max()))));

        List<Trend> trends = new ArrayList<>();
        int n = 0;
        for (Subscale subscale : subscales.values()) {
            List<TeamChart.Point> points = months.stream().map(m -> point(m, subscale)).toList();
            trends.add(new Trend(subscale.title(), new RawString(TeamChart.trend(chartId + "-" + n++,
                    subscale.title() + " at " + siteId + ", mean per month", subscale.min(), subscale.max(), points))));
        }

        List<MonthRow> rows = months.stream().map(m -> new MonthRow(MONTH.format(m.month()), m.followUpsSuppressed() == null,
                m.followUpsOpened(), m.followUpsCompleted(), completion(m),
                subscales.values().stream().map(s -> {
                    TeamChart.Point p = point(m, s);
                    return p.mean() == null ? p.withheld() : TeamChart.mean(p.mean()) + " (" + s.min() + "–" + s.max() + ")";
                }).toList())).toList();
        if (subscales.isEmpty()) {
            rows = withReasons(rows, months);
            return new SiteView(siteId, completion, trends, List.of("Check-ins"), rows);
        }
        return new SiteView(siteId, completion, trends, subscales.values().stream().map(Subscale::title).toList(), rows);
    }

    private static List<MonthRow> withReasons(List<MonthRow> rows, List<TeamAggregates.SiteMonth> months) {
        List<MonthRow> reasoned = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MonthRow r = rows.get(i);
            reasoned.add(new MonthRow(r.month(), r.followUpsShown(), r.opened(), r.completed(), r.completion(),
                    List.of(reason(months.get(i).checkIns().suppressed()))));
        }
        return reasoned;
    }

    private static String completion(TeamAggregates.SiteMonth month) {
        if (month.followUpsSuppressed() != null) {
            return FEWER;
        }
        return month.followUpsOpened() == 0 ? "—" : Math.round(100.0 * month.followUpsCompleted() / month.followUpsOpened()) + "%";
    }

    private static TeamChart.Point point(TeamAggregates.SiteMonth month, Subscale subscale) {
        TeamAggregates.CheckInTrend trend = month.checkIns();
        if (trend.suppressed() == TeamAggregates.Suppression.MONTH_NOT_OVER
                || trend.suppressed() == TeamAggregates.Suppression.CHANGED_BY_ERASURE) {
            return new TeamChart.Point(month.month(), null, reason(trend.suppressed()));
        }
        return trend.subscales().stream().filter(s -> key(s).equals(subscale.key())).findFirst()
                .map(s -> new TeamChart.Point(month.month(), s.mean(), null))
                .orElse(new TeamChart.Point(month.month(), null, FEWER));
    }

    private static String reason(TeamAggregates.Suppression suppressed) {
        if (suppressed == TeamAggregates.Suppression.MONTH_NOT_OVER) {
            return NOT_OVER;
        }
        return suppressed == TeamAggregates.Suppression.CHANGED_BY_ERASURE ? ERASED : FEWER;
    }

    private static String key(TeamAggregates.SubscaleMean mean) {
        return mean.instrumentId() + "/" + mean.subscale();
    }
}
