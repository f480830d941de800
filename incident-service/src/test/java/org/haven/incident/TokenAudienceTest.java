package org.haven.incident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestSignIn;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** A token the realm issued for another of its clients opens nothing here: not the API, not a page, not a sign-in. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class TokenAudienceTest {

    static final String PAGE = "/app";

    static String forHaven() {
        return TestTokens.staff("staff-north", "site-north");
    }

    static String forAnotherClient() {
        return TestTokens.forAnotherClient("staff-north", "staff", "site-north");
    }

    @Test
    void theApiRefusesATokenIssuedForAnotherClient() {
        given().auth().oauth2(forAnotherClient()).when().get("/api/incidents")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(forHaven()).when().get("/api/incidents").then().statusCode(200);
    }

    @Test
    void aPageTakesNoBearerTokenForAnyClient() {
        given().redirects().follow(false).auth().oauth2(forAnotherClient()).when().get(PAGE)
                .then().statusCode(302).header("Location", containsString("response_type=code"));
    }

    @Test
    void aSignInWithTokensIssuedForAnotherClientOpensNoSession() {
        var refused = TestSignIn.returnFromProvider(PAGE, forAnotherClient());

        refused.then().statusCode(401);
        assertThat(refused.getCookies().keySet()).noneMatch(name -> name.startsWith("q_session"));
    }

    @Test
    void aSignInWithTokensIssuedForHavenOpensThePage() {
        Cookies session = TestSignIn.session(PAGE, forHaven());

        given().redirects().follow(false).cookies(session).when().get(PAGE)
                .then().statusCode(200).contentType(containsString("text/html"));
    }
}
