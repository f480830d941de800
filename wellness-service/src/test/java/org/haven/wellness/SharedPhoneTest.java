package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestSignIn;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A phone shared between shifts: nothing a signed-in person was shown may stay in the browser's cache for the
 * next person (Cache-Control: no-store), and every page signs out, here and at the identity provider.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class SharedPhoneTest {

    static final String PAGE = "/app/wellness";

    static String person() {
        return DirectoryTokens.staff("staff-ana", "site-north");
    }

    @Test
    void aSignedInPageIsNeverStoredAndOffersSignOut() {
        Cookies session = TestSignIn.session(PAGE, person());

        given().redirects().follow(false).cookies(session).when().get(PAGE)
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString("id=\"sign-out\""), containsString("href=\"/app/logout\""));
    }

    @Test
    void anApiAnswerForASignedInPersonIsNeverStored() {
        given().auth().oauth2(person()).when().get("/api/followups")
                .then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheIdentityProvider() {
        Cookies session = TestSignIn.session(PAGE, person());

        Response out = given().redirects().follow(false).cookies(session).when().get("/app/logout");

        out.then().statusCode(302).header("Cache-Control", equalTo("no-store"));
        String toProvider = URLDecoder.decode(out.header("Location"), StandardCharsets.UTF_8);
        assertThat(toProvider).contains("/protocol/openid-connect/end-session?").contains("id_token_hint=")
                .containsPattern("post_logout_redirect_uri=http://[^&]+/signed-out");
        assertThat(out.headers().getValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("q_session").containsIgnoringCase("Max-Age=0"));
    }

    @Test
    void theSignedOutPageOffersTheNextPersonThisServicesSignIn() {
        given().when().get("/signed-out").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString("href=\"" + PAGE + "\""));
    }
}
