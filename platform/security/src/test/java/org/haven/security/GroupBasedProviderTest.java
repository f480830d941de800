package org.haven.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * A provider that only has groups (Google Workspace through a broker, Entra ID with group names): roles
 * and sites both come from the groups claim, by configuration alone, as the README describes.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(GroupBasedProviderTest.GroupsOnly.class)
class GroupBasedProviderTest {

    public static class GroupsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.roles.role-claim-path", "groups",
                    "quarkus.http.auth.roles-mapping.\"haven-supervisors\"", "supervisor",
                    "quarkus.http.auth.roles-mapping.\"haven-directors\"", "director",
                    "haven.identity.person-claim", "email");
        }
    }

    @Test
    void groupsGiveTheRoleAndTheSites() {
        String token = Tokens.claims("ignored-username").claim("email", "sam.rivera@haven.example")
                .groups(Set.of("haven-supervisors", "haven-site-north", "all-staff")).sign();

        given().auth().oauth2(token).when().get("/probe/me")
                .then().statusCode(200)
                .body("personId", equalTo("sam.rivera@haven.example"))
                .body("roles", contains(HavenRole.SUPERVISOR))
                .body("sites", contains("north"));
        given().auth().oauth2(token).when().get("/probe/things").then().statusCode(200).body("id", contains("n1", "n2"));
        given().auth().oauth2(token).when().get("/probe/things/s1").then().statusCode(404);
    }

    @Test
    void aGroupThatMapsToNoHavenRoleGivesNoAccess() {
        String token = Tokens.claims("someone").groups(Set.of("all-staff", "haven-site-north")).sign();

        given().auth().oauth2(token).when().get("/probe/things").then().statusCode(403);
    }
}
