package org.haven.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SiteScopingTest {

    private static final String SUP_NORTH = Tokens.keycloak("sup-north", HavenRole.SUPERVISOR, List.of("north"));

    @Test
    void callerIsReadFromTheVerifiedToken() {
        String token = Tokens.claims("dir-1")
                .claim("realm_access", Map.of("roles", List.of(HavenRole.DIRECTOR)))
                .claim("haven_sites", "north")
                .groups(java.util.Set.of("haven-site-south", "program-leads"))
                .sign();
        given().auth().oauth2(token).when().get("/probe/me")
                .then().statusCode(200)
                .body("personId", equalTo("dir-1"))
                .body("roles", contains(HavenRole.DIRECTOR))
                .body("sites", contains("north", "south"));
    }

    @Test
    void supervisorListsOnlyTheirSitesRows() {
        given().auth().oauth2(SUP_NORTH).when().get("/probe/things")
                .then().statusCode(200)
                .body("id", contains("n1", "n2"))
                .body("siteId", contains("north", "north"));
    }

    @Test
    void supervisorReadsTheirSitesRow() {
        given().auth().oauth2(SUP_NORTH).when().get("/probe/things/n1")
                .then().statusCode(200).body("siteId", equalTo("north"));
    }

    @Test
    void anotherSitesRowLooksExactlyLikeAMissingOne() {
        Response otherSite = given().auth().oauth2(SUP_NORTH).when().get("/probe/things/s1");
        Response missing = given().auth().oauth2(SUP_NORTH).when().get("/probe/things/s9");

        assertThat(otherSite.statusCode()).isEqualTo(404);
        assertThat(otherSite.contentType()).isEqualTo("application/problem+json");
        assertThat(otherSite.body().asString().replace("s1", "ID")).isEqualTo(missing.body().asString().replace("s9", "ID"));
        assertThat(otherSite.body().asString()).doesNotContain("south");
    }

    @Test
    void directorSeesEverySiteInTheirToken() {
        String director = Tokens.keycloak("dir-1", HavenRole.DIRECTOR, List.of("north", "south"));
        given().auth().oauth2(director).when().get("/probe/things")
                .then().statusCode(200).body("id", containsInAnyOrder("n1", "n2", "s1"));
        given().auth().oauth2(director).when().get("/probe/things/s1").then().statusCode(200);
    }

    @Test
    void supervisorWithoutSitesSeesNothing() {
        String nowhere = Tokens.keycloak("sup-new", HavenRole.SUPERVISOR, List.of());
        given().auth().oauth2(nowhere).when().get("/probe/things")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(nowhere).when().get("/probe/things/n1").then().statusCode(404);
    }
}
