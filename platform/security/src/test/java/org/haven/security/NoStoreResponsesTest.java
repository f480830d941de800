package org.haven.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** platform/http's NoStoreResponses, seen from a Haven app: personal answers are never stored, static files are. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class NoStoreResponsesTest {

    @Test
    void aSignedInPersonsApiAnswerIsNeverStored() {
        given().auth().oauth2(Tokens.keycloak("sup-north", HavenRole.SUPERVISOR, List.of("north")))
                .when().get("/probe/things").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void pagesAndErrorAnswersAreNeverStored() {
        given().when().get("/probe/page").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        given().when().get("/probe/things").then().statusCode(401).header("Cache-Control", equalTo("no-store"));
        given().when().get("/no/such/route").then().statusCode(404).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void staticFilesKeepTheirOwnCaching() {
        given().when().get("/haven-session/session.js").then().statusCode(200)
                .header("Cache-Control", notNullValue()).header("Cache-Control", not(containsString("no-store")));
    }

    @Test
    void theSignedOutPageClearsTheCacheAndOffersTheNextPersonASignIn() {
        given().when().get(SignedOutPage.PATH).then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", equalTo("no-store"))
                .header("Clear-Site-Data", equalTo("\"cache\""))
                .body(containsString("You are signed out"), containsString("href=\"/app\""));
    }
}
