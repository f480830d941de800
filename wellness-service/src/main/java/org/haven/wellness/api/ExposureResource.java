package org.haven.wellness.api;

import org.haven.http.Ids;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.haven.security.HavenRole;
import org.haven.wellness.domain.ExposureWindow;
import org.haven.wellness.domain.WellnessAccess;

/**
 * A person's own exposure dose, for them alone. A supervisor learns of a colleague's dose only through the
 * threshold notice (ExposureThresholdReached), which comes with an invitation to offer support: a dose
 * anyone could look up at will would become a rating of people.
 */
@Path("/api/staff/{staffId}/exposure")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class ExposureResource {

    private final ExposureWindow window;
    private final WellnessAccess access;

    ExposureResource(ExposureWindow window, WellnessAccess access) {
        this.window = window;
        this.access = access;
    }

    @GET
    public ExposureView get(@PathParam("staffId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String staffId) {
        if (!access.isMine(staffId)) {
            throw new ForbiddenException("Only you can see your own exposure");
        }
        return ExposureView.of(window.doseOf(staffId));
    }
}
