package org.haven.incident.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.haven.incident.domain.ClientCode;
import org.haven.incident.domain.IncidentType;
import org.haven.incident.domain.Severity;
import org.haven.security.Caller;
import org.haven.security.HavenRole;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The phone reporting page, signed in through the {@code web} OIDC tenant (code flow). It is a shell:
 * report.js sends the reports to {@link MyReportsResource} and keeps unsent ones on the device.
 */
@Path("/app")
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class ReportPage {

    public record Choice(String value, String label) {
    }

    private final Template report;
    private final Caller caller;

    ReportPage(@Location("report.html") Template report, Caller caller) {
        this.report = report;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        List<String> sites = caller.sites().stream().sorted().toList();
        return report.data("personId", caller.personId())
                .data("sites", sites)
                .data("types", Arrays.stream(IncidentType.values()).map(t -> new Choice(t.name(), label(t.name()))).toList())
                .data("severities", Arrays.stream(Severity.values()).map(s -> new Choice(s.name(), label(s.name()))).toList())
                .data("codeExample", ClientCode.EXAMPLE)
                .data("codeAlphabet", ClientCode.ALPHABET)
                .data("codeMessage", ClientCode.MESSAGE)
                .render();
    }

    private static String label(String constant) {
        if (constant.equals(IncidentType.ELOPEMENT.name())) {
            return "Client missing (elopement)";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
