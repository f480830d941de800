package org.haven.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SecurityProblemTest {

    @Test
    void requestWithoutTokenIsUnauthorizedProblemWithBearerChallenge() {
        given().when().get("/probe/things")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("Sign in first: this request needs a valid access token"));
    }

    @Test
    void expiredTokenIsUnauthorizedProblem() {
        given().auth().oauth2(Tokens.expired("sup-north", HavenRole.SUPERVISOR)).when().get("/probe/things")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", equalTo("The access token is invalid or has expired"));
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthorizedProblem() {
        given().auth().oauth2(Tokens.signedByAStranger("sup-north", HavenRole.SUPERVISOR)).when().get("/probe/things")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorizedProblem() {
        String forAnotherApp = Tokens.claims("sup-north").audience("payroll")
                .claim("realm_access", java.util.Map.of("roles", List.of(HavenRole.SUPERVISOR))).sign();
        given().auth().oauth2(forAnotherApp).when().get("/probe/things")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void callerWithTheWrongRoleIsForbiddenProblem() {
        given().auth().oauth2(Tokens.keycloak("staff-ana", HavenRole.STAFF, List.of("north"))).when().get("/probe/things")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"));
    }

    @Test
    void adminIsForbiddenFromSupervisorEndpoints() {
        given().auth().oauth2(Tokens.keycloak("admin", HavenRole.ADMIN, List.of())).when().get("/probe/things/n1")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void tokenWithoutThePersonClaimIsForbiddenProblem() {
        String anonymousPerson = io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("3f1c")
                .claim("realm_access", java.util.Map.of("roles", List.of(HavenRole.STAFF))).expiresIn(300).sign();
        given().auth().oauth2(anonymousPerson).when().get("/probe/me")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
