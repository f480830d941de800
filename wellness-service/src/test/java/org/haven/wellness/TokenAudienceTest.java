package org.haven.wellness;

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

    static final String PAGE = "/app/wellness";

    @Test
    void theApiRefusesATokenIssuedForAnotherClient() {
        given().auth().oauth2(TestTokens.forAnotherClient("staff-ana", "staff", "site-north")).when().get("/api/followups")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DirectoryTokens.staff("staff-ana", "site-north")).when().get("/api/followups").then().statusCode(200);
    }

    @Test
    void aPageRefusesABearerTokenIssuedForAnotherClient() {
        given().redirects().follow(false).auth().oauth2(TestTokens.forAnotherClient("staff-ana", "staff", "site-north"))
                .when().get(PAGE).then().statusCode(401);
        given().redirects().follow(false).auth().oauth2(DirectoryTokens.staff("staff-ana", "site-north"))
                .when().get(PAGE).then().statusCode(200);
    }

    @Test
    void aSignInWithTokensIssuedForAnotherClientOpensNoSession() {
        var refused = TestSignIn.returnFromProvider(PAGE, TestTokens.forAnotherClient("staff-ana", "staff", "site-north"));

        refused.then().statusCode(401);
        assertThat(refused.getCookies().keySet()).noneMatch(name -> name.startsWith("q_session"));
    }

    @Test
    void aSignInWithTokensIssuedForHavenOpensThePages() {
        Cookies session = TestSignIn.session(PAGE, DirectoryTokens.staff("staff-ana", "site-north"));

        given().redirects().follow(false).cookies(session).when().get(PAGE)
                .then().statusCode(200).contentType(containsString("text/html"));
    }
}
