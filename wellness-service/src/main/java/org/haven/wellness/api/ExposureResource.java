package org.haven.wellness.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.haven.wellness.domain.ExposureWindow;

@Path("/api/staff/{staffId}/exposure")
@Produces(MediaType.APPLICATION_JSON)
public class ExposureResource {

    private final ExposureWindow window;

    ExposureResource(ExposureWindow window) {
        this.window = window;
    }

    @GET
    public ExposureView get(@PathParam("staffId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String staffId) {
        return ExposureView.of(window.doseOf(staffId));
    }
}
