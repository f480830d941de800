package org.haven.notification.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.haven.notification.domain.Directory;

import java.util.List;

@Path("/api/directory")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    private final Directory directory;

    DirectoryResource(Directory directory) {
        this.directory = directory;
    }

    @GET
    @Path("/sites")
    public List<SiteView> sites() {
        return directory.sites().stream()
                .map(site -> SiteView.of(site, directory.members(site.id)))
                .toList();
    }
}
