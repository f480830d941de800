package org.haven.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SecurityHeadersTest {

    @Test
    void pageCarriesTheSecurityHeaders() {
        hardened(given().when().get("/probe/page").then().statusCode(200).contentType("text/html"));
    }

    @Test
    void apiAnswerCarriesTheSecurityHeaders() {
        hardened(given().auth().oauth2(Tokens.keycloak("sup-north", HavenRole.SUPERVISOR, List.of("north")))
                .when().get("/probe/things").then().statusCode(200));
    }

    @Test
    void errorAnswersCarryTheSecurityHeaders() {
        hardened(given().when().get("/probe/things").then().statusCode(401));
        hardened(given().auth().oauth2(Tokens.keycloak("staff-ana", HavenRole.STAFF, List.of("north")))
                .when().get("/probe/things").then().statusCode(403));
        hardened(given().when().get("/no/such/route").then().statusCode(404));
        hardened(given().contentType("text/plain").body("x".repeat(4096)).when().post("/probe/echo").then().statusCode(413));
    }

    @Test
    void scriptsMayOnlyComeFromTheServiceItself() {
        given().when().get("/probe/page").then()
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }

    private static void hardened(ValidatableResponse response) {
        response.header("Content-Security-Policy", equalTo(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }
}
