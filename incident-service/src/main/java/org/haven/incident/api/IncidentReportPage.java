package org.haven.incident.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.http.report.ReportDownload;
import org.haven.http.report.ReportPeriod;
import org.haven.http.report.ReportRequestInvalid;
import org.haven.http.report.ReportSites;
import org.haven.incident.domain.IncidentExport;
import org.haven.security.Caller;
import org.haven.security.HavenRole;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reports a director hands to a licensing body or a board ({@code /app/reports} links all three; each is served by the
 * service that owns its data) and the incidents report itself, as a printable page and as CSV. Supervisors, directors
 * and admins export the incidents of the sites in their token; staff export nothing. The reporter is named only to a
 * director; the narrative only to a director or admin who asks for it ({@code narrative=true}), and that export is
 * audited as a view of every incident in it.
 */
@Path("/app/reports")
@RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.ADMIN})
public class IncidentReportPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance hub(String from, String to, List<String> sites);

        static native TemplateInstance incidents(String from, String to, List<String> sites, String site,
                                                 boolean mayAskNarrative, boolean narrative, String csvLink);
    }

    private final Caller caller;
    private final IncidentExport export;
    private final Clock clock;

    IncidentReportPage(Caller caller, IncidentExport export, Clock clock) {
        this.caller = caller;
        this.export = export;
        this.clock = clock;
    }

    /** The three reports for one period and site: incidents here, debrief compliance and follow-ups at their owners. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public String hub() {
        ReportPeriod last = ReportPeriod.lastMonth(clock);
        return Templates.hub(last.from().toString(), last.to().toString(), sorted(caller.sites())).render();
    }

    @GET
    @Path("/incidents")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("site") String site,
                         @QueryParam("narrative") String narrative) {
        ReportPeriod period = from == null && to == null ? ReportPeriod.lastMonth(clock) : ReportPeriod.parse(from, to);
        IncidentExport.Request request = request(period, site, narrative);
        String rendered = Templates.incidents(period.from().toString(), period.to().toString(), sorted(caller.sites()),
                site, mayAskNarrative(), request.narrative(), "/app/reports/incidents.csv?" + query(period, site, request.narrative()))
                .render();
        return ReportDownload.page(rendered, rows -> export.write(request, rows));
    }

    @GET
    @Path("/incidents.csv")
    @Produces(ReportDownload.CSV)
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("site") String site,
                        @QueryParam("narrative") String narrative) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        IncidentExport.Request request = request(period, site, narrative);
        String name = "incidents_" + (site == null ? "all-sites" : site) + "_" + period.label() + ".csv";
        return ReportDownload.csv(name, rows -> export.write(request, rows));
    }

    private IncidentExport.Request request(ReportPeriod period, String site, String narrative) {
        boolean withNarrative = flag("narrative", narrative);
        if (withNarrative && !mayAskNarrative()) {
            throw new ForbiddenException("Only a program director or an admin may export the narrative");
        }
        Set<String> sites = ReportSites.chosen(caller.sites(), site);
        return new IncidentExport.Request(caller.personId(), sites, period, caller.is(HavenRole.DIRECTOR), withNarrative);
    }

    private boolean mayAskNarrative() {
        return caller.is(HavenRole.DIRECTOR) || caller.is(HavenRole.ADMIN);
    }

    static boolean flag(String field, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true") || value.equals("on")) {
            return true;
        }
        throw new ReportRequestInvalid(field, "must be true or false");
    }

    private static String query(ReportPeriod period, String site, boolean narrative) {
        return "from=" + period.from() + "&to=" + period.to()
                + (site == null ? "" : "&site=" + URLEncoder.encode(site, StandardCharsets.UTF_8))
                + (narrative ? "&narrative=true" : "");
    }

    private static List<String> sorted(Set<String> sites) {
        return List.copyOf(new TreeSet<>(sites));
    }

}
