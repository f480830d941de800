package org.haven.debrief.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.debrief.domain.ComplianceExport;
import org.haven.http.report.ReportDownload;
import org.haven.http.report.ReportPeriod;
import org.haven.http.report.ReportSites;
import org.haven.security.HavenRole;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Debrief compliance per incident for a chosen period and site, as a printable page and as CSV: the same readers as
 * the compliance view (supervisors and directors, their token's sites). Linked from incident-service's
 * {@code /app/reports} and from the debrief overview.
 */
@Path("/app/debriefs/reports")
@RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class ComplianceReportPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compliance(String from, String to, List<String> sites, String site, String csvLink);
    }

    private final DebriefAccess access;
    private final ComplianceExport export;
    private final Clock clock;

    ComplianceReportPage(DebriefAccess access, ComplianceExport export, Clock clock) {
        this.access = access;
        this.export = export;
        this.clock = clock;
    }

    @GET
    @Path("/compliance")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("site") String site) {
        ReportPeriod period = from == null && to == null ? ReportPeriod.lastMonth(clock) : ReportPeriod.parse(from, to);
        Set<String> sites = sites(site);
        String csv = "/app/debriefs/reports/compliance.csv?from=" + period.from() + "&to=" + period.to()
                + (site == null ? "" : "&site=" + URLEncoder.encode(site, StandardCharsets.UTF_8));
        String rendered = Templates.compliance(period.from().toString(), period.to().toString(),
                List.copyOf(new TreeSet<>(access.visibleSites())), site, csv).render();
        return ReportDownload.page(rendered, rows -> export.write(sites, period, rows));
    }

    @GET
    @Path("/compliance.csv")
    @Produces(ReportDownload.CSV)
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("site") String site) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        Set<String> sites = sites(site);
        return ReportDownload.csv("debrief-compliance_" + (site == null ? "all-sites" : site) + "_" + period.label() + ".csv",
                rows -> export.write(sites, period, rows));
    }

    private Set<String> sites(String site) {
        return ReportSites.chosen(access.visibleSites(), site);
    }

}
