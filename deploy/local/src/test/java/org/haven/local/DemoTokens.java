package org.haven.local;

import org.haven.local.identity.LocalIdentityProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** Access tokens of the local run's demo people, from its OIDC provider's password grant (as curl would get them). */
public final class DemoTokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private DemoTokens() {
    }

    /** A fresh-enough access token for a demo person (password {@code demo}); tokens live an hour, tests minutes. */
    public static String of(String username) {
        return CACHE.computeIfAbsent(username, DemoTokens::issue);
    }

    private static String issue(String username) {
        return given().auth().preemptive().basic(LocalIdentityProvider.CLIENT_ID, LocalIdentityProvider.CLIENT_SECRET)
                .formParam("grant_type", "password").formParam("username", username).formParam("password", "demo")
                .when().post(PlatformExtension.platform().oidcIssuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
