package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class AlertsPageTest {

    @Test
    void aBrowserWithoutASessionIsSentToSignIn() {
        given().redirects().follow(false).when().get("/app/alerts")
                .then().statusCode(302).header("Location", containsString("response_type=code"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void thePageScriptGets499NotARedirectWhenItsSessionIsGone() {
        given().redirects().follow(false).header("X-Requested-With", "JavaScript")
                .when().get("/app/api/alerts").then().statusCode(499);
        given().redirects().follow(false).header("X-Requested-With", "JavaScript")
                .when().post("/app/api/alerts/" + java.util.UUID.randomUUID() + "/ack").then().statusCode(499);
    }

    @Test
    void aBearerTokenDoesNotOpenThePageSession() {
        given().redirects().follow(false).auth().oauth2(TestTokens.supervisor("sup-north", "site-north"))
                .when().get("/app/api/alerts").then().statusCode(302);
    }

    @Test
    void scriptAndStylesAreFilesOfTheServiceWithNoInlineCode() {
        String js = given().when().get("/js/alerts.js").then().statusCode(200)
                .contentType(containsString("javascript")).extract().asString();
        assertThat(js).contains("EventSource", "X-Requested-With").doesNotContain("innerHTML", "eval(");
        given().when().get("/css/alerts.css").then().statusCode(200).contentType(containsString("text/css"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }
}
