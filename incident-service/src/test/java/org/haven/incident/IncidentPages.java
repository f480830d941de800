package org.haven.incident;

import io.restassured.http.Cookies;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationSite;
import org.haven.events.WorkPattern;
import org.haven.testing.TestSignIn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Opening the supervisor's incident page as a signed-in browser, and a site the organisation projection knows. */
final class IncidentPages {

    private IncidentPages() {
    }

    static String path(String incidentId) {
        return "/app/incidents/" + incidentId;
    }

    static Cookies signIn(String incidentId, String token) {
        return TestSignIn.session(path(incidentId), token);
    }

    static ValidatableResponse open(String incidentId, String token) {
        return given().redirects().follow(false).cookies(signIn(incidentId, token)).when().get(path(incidentId)).then();
    }

    /** The page's script: JSON with X-Requested-With, on the page's session. */
    static RequestSpecification script(Cookies session) {
        return given().redirects().follow(false).cookies(session).header("X-Requested-With", "JavaScript")
                .contentType("application/json");
    }

    /** Publishes a site and its people on the organisation topics and waits until the projection holds them. */
    static void site(String siteId, String name, String zone, String... personIdsAndNames) {
        OrganisationProjectionTest.publishAndAwait(HavenEvents.ORGANISATION_SITE, siteId, new OrganisationSite(siteId, name, zone, null));
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < personIdsAndNames.length; i += 2) {
            names.put(personIdsAndNames[i], personIdsAndNames[i + 1]);
        }
        Colleagues.hireNamed(siteId, WorkPattern.none(), names);
    }
}
