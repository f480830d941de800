package org.haven.incident.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.haven.incident.persistence.SitePeople;
import org.haven.security.HavenRole;
import org.haven.security.SiteScope;

import java.util.List;

/**
 * The people of one of the caller's sites, those on shift now first: what the report form and the "add someone who
 * was there" page offer as tap targets (here with the page's session cookie; {@link Api} answers the same to a bearer
 * token). From incident-service's own projection of the organisation; names only, no contacts. A site the caller is
 * not a member of answers like one that does not exist.
 */
@Path("/app/api/sites/{siteId}/people")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class SitePeopleResource {

    private final SitePeople people;
    private final SiteScope sites;

    SitePeopleResource(SitePeople people, SiteScope sites) {
        this.people = people;
        this.sites = sites;
    }

    @GET
    public List<SitePeople.Colleague> people(@PathParam("siteId") String siteId) {
        sites.requireVisible(siteId);
        return people.of(siteId);
    }

    /** The same list for API clients (bearer token): who a report may name at the site. */
    @Path("/api/sites/{siteId}/people")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
    public static class Api {

        private final SitePeople people;
        private final SiteScope sites;

        Api(SitePeople people, SiteScope sites) {
            this.people = people;
            this.sites = sites;
        }

        @GET
        public List<SitePeople.Colleague> people(@PathParam("siteId") String siteId) {
            sites.requireVisible(siteId);
            return people.of(siteId);
        }
    }
}
