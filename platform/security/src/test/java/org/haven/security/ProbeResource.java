package org.haven.security;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A tiny service inside the test app: site-scoped "things", as a Haven service would serve incidents. */
@Path("/probe")
public class ProbeResource {

    static final Map<String, String> SITE_OF_THING = Map.of("n1", "north", "n2", "north", "s1", "south");

    public record Me(String personId, Set<String> sites, Set<String> roles) {
    }

    public record Thing(String id, String siteId) {
    }

    @Inject
    Caller caller;

    @Inject
    SiteScope scope;

    @GET
    @Path("me")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        Set<String> roles = new TreeSet<>();
        for (String role : List.of(HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR, HavenRole.ADMIN)) {
            if (caller.is(role)) {
                roles.add(role);
            }
        }
        return new Me(caller.personId(), new TreeSet<>(caller.sites()), roles);
    }

    @GET
    @Path("things")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
    @Produces(MediaType.APPLICATION_JSON)
    public List<Thing> things() {
        Set<String> sites = scope.visibleSites();
        return SITE_OF_THING.entrySet().stream().filter(e -> sites.contains(e.getValue()))
                .map(e -> new Thing(e.getKey(), e.getValue())).sorted(java.util.Comparator.comparing(Thing::id)).toList();
    }

    @GET
    @Path("things/{id}")
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
    @Produces(MediaType.APPLICATION_JSON)
    public Thing thing(@PathParam("id") String id) {
        String site = SITE_OF_THING.get(id);
        if (site == null) {
            throw new NotFoundException("No thing " + id);
        }
        scope.requireVisible(site, "No thing " + id);
        return new Thing(id, site);
    }

    @GET
    @Path("page")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return "<!doctype html><title>Haven</title><p>Hello</p>";
    }

    @POST
    @Path("echo")
    @PermitAll
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String echo(String body) {
        return body;
    }
}
