package org.haven.incident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class ReportPageTest {

    @Test
    void aBrowserWithoutASessionIsSentToSignInNotRefused() {
        given().redirects().follow(false).when().get("/app")
                .then().statusCode(302).header("Location", containsString("response_type=code"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void theApiStillAnswers401WhileThePageRedirects() {
        given().redirects().follow(false).when().get("/api/incidents").then().statusCode(401);
    }

    @Test
    void aBearerTokenDoesNotOpenThePageSession() {
        given().redirects().follow(false).auth().oauth2(TestTokens.staff("staff-ana", "site-north"))
                .when().get("/app/api/incidents").then().statusCode(302);
    }

    @Test
    void theSessionApiAnswersItsScriptWith499NotARedirect() {
        given().redirects().follow(false).header("X-Requested-With", "JavaScript")
                .when().get("/app/api/incidents").then().statusCode(499);
    }

    @Test
    void theScriptChecksClientCodesAsTypedWithTheServersMessageAndNeverUpperCasesThem() {
        String js = given().when().get("/app/report.js").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(js).as("upper-casing 'maria' must not make it pass")
                .doesNotContain("toUpperCase").contains("data-code-alphabet", "data-code-message");
    }

    @Test
    void scriptAndStylesAreFilesOfTheServiceWithNoInlineCode() {
        String js = given().when().get("/app/report.js").then().statusCode(200)
                .contentType(containsString("javascript")).extract().asString();
        org.assertj.core.api.Assertions.assertThat(js).contains("Idempotency-Key").doesNotContain("innerHTML");
        given().when().get("/app/report.css").then().statusCode(200).contentType(containsString("text/css"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }
}
