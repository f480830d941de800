package org.haven.incident.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentAccess;
import org.haven.security.HavenRole;

import java.util.UUID;

/**
 * The phone's "add someone who was there" page, reached from the reporter's list of their reports: the same people
 * picker as the report form, and the last sighting corrected, sent as an amendment. A shell like {@link ReportPage};
 * add-people.js reads and sends through {@link MyIncidentAmendmentsResource}. An incident the caller may not read
 * answers like a missing one.
 */
@Path("/app/incidents/{id}/add-people")
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class AddPeoplePage {

    private final Template page;
    private final IncidentAccess access;

    AddPeoplePage(@Location("add-people.html") Template page, IncidentAccess access) {
        this.page = page;
        this.access = access;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String page(@PathParam("id") UUID id) {
        Incident incident = Incident.findById(id);
        access.requireReadable(incident, "No incident " + id);
        return page.data("personId", access.personId())
                .data("incidentId", incident.id.toString())
                .data("elopement", incident.type == org.haven.incident.domain.IncidentType.ELOPEMENT)
                .render();
    }
}
