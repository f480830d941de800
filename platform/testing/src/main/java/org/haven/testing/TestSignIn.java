package org.haven.testing;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

/**
 * A browser signing in to a page (code-flow tenant) of the service under test: it opens the page, is sent
 * to the test OIDC provider, and comes back with an authorization code the provider exchanges for the ID
 * and access tokens the test chose. So a test can tell what a page does with a sign-in whose tokens were
 * issued for another client. Use inside a {@code @QuarkusTest} with {@link HavenInfrastructure}.
 */
public final class TestSignIn {

    private static final String TOKEN_ENDPOINT = "/auth/realms/quarkus/token";

    private TestSignIn() {
    }

    /**
     * Opens {@code page}, then returns to the service's redirect URI with a code the provider exchanges for
     * {@code token} (sent as both ID and access token). Returns the service's answer to that return, redirects
     * not followed: a 302 with a session cookie when the sign-in is accepted.
     */
    public static Response returnFromProvider(String page, String token) {
        Response toProvider = given().redirects().follow(false).when().get(page);
        toProvider.then().statusCode(302);
        Map<String, String> login = query(URI.create(toProvider.header("Location")));
        String code = UUID.randomUUID().toString();
        provider().register(post(urlPathEqualTo(TOKEN_ENDPOINT)).atPriority(1)
                .withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"id_token\":\"" + token
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        return given().redirects().follow(false).cookies(toProvider.getDetailedCookies())
                .queryParam("state", login.get("state")).queryParam("code", code)
                .when().get(login.get("redirect_uri"));
    }

    /** The cookies of an accepted sign-in, to open pages with: fails unless the service accepted it. */
    public static Cookies session(String page, String token) {
        Response back = returnFromProvider(page, token);
        back.then().statusCode(302);
        return back.getDetailedCookies();
    }

    private static WireMock provider() {
        URI server = URI.create(ConfigProvider.getConfig().getValue("keycloak.url", String.class));
        return new WireMock(server.getHost(), server.getPort());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
