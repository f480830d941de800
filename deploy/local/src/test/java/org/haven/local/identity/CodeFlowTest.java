package org.haven.local.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in a Haven page performs: authorization code with PKCE S256, as Quarkus OIDC's code flow does it. */
class CodeFlowTest {

    private static final String APP = "http://localhost:8081";
    private static final String CALLBACK = APP + "/incidents";
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9xQ3kLhr7Zp0fW_yN5sEg8AvUq";

    @TempDir
    Path data;

    private LocalIdentityProvider provider;
    private final Browser browser = new Browser();

    @BeforeEach
    void start() throws Exception {
        provider = LocalIdentityProvider.start(data, 0);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void codeFlowWithPkceSignsThePersonIn() throws Exception {
        HttpResponse<String> form = browser.get(authorizeUrl(Map.of()));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"username\">", "<label for=\"password\">", "autocomplete=\"current-password\"")
                .doesNotContain("<script");

        HttpResponse<String> signedIn = signIn(form, "sup-north", "demo");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith(CALLBACK + "?"));
        Map<String, String> callback = Browser.queryOf(signedIn);
        assertThat(callback.get("state")).isEqualTo("st-1");

        HttpResponse<String> exchanged = exchange(callback.get("code"), VERIFIER);
        assertThat(exchanged.statusCode()).isEqualTo(200);
        JsonNode tokens = Browser.json(exchanged);
        String jwks = browser.get(provider.issuer() + "/protocol/openid-connect/certs").body();
        JwtClaims id = TokenVerifier.verify(tokens.path("id_token").asText(), jwks, provider.issuer());
        assertThat(id.getClaimValueAsString("nonce")).isEqualTo("n-1");
        assertThat(id.getAudience()).containsExactly(LocalIdentityProvider.CLIENT_ID);
        assertThat(id.getClaimValueAsString("preferred_username")).isEqualTo("sup-north");
        assertThat(id.getClaimValueAsString("name")).isEqualTo("Sam Rivera");
        JwtClaims access = TokenVerifier.verify(tokens.path("access_token").asText(), jwks, provider.issuer());
        assertThat(access.getStringListClaimValue("haven_sites")).containsExactly("site-north");
        assertThat(access.getAudience()).containsExactly(LocalIdentityProvider.CLIENT_ID);
    }

    @Test
    void wrongCodeVerifierIsRefusedAndTheCodeIsSpent() throws Exception {
        String code = Browser.queryOf(signIn(browser.get(authorizeUrl(Map.of())), "staff-ana", "demo")).get("code");

        HttpResponse<String> refused = exchange(code, "x".repeat(43));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Browser.json(refused).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(exchange(code, VERIFIER).statusCode()).as("a code is good for one attempt only").isEqualTo(400);
    }

    @Test
    void aCodeCanBeExchangedOnlyOnce() throws Exception {
        String code = Browser.queryOf(signIn(browser.get(authorizeUrl(Map.of())), "staff-ana", "demo")).get("code");

        assertThat(exchange(code, VERIFIER).statusCode()).isEqualTo(200);
        assertThat(exchange(code, VERIFIER).statusCode()).isEqualTo(400);
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithAnEscapedMessage() throws Exception {
        HttpResponse<String> form = browser.get(authorizeUrl(Map.of()));

        HttpResponse<String> again = signIn(form, "<script>alert(1)</script>", "demo");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("role=\"alert\"", "Wrong username or password.", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(again.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void loginPageForbidsScriptsAndFraming() throws Exception {
        HttpResponse<String> form = browser.get(authorizeUrl(Map.of()));

        String policy = form.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self' " + APP)
                .doesNotContain("script-src", "unsafe-inline");
        assertThat(form.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(form.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void requestWithoutPkceIsSentBackWithAnError() throws Exception {
        Map<String, String> params = new LinkedHashMap<>(authorizeParams());
        params.remove("code_challenge");
        params.remove("code_challenge_method");

        HttpResponse<String> refused = browser.get(provider.issuer() + "/protocol/openid-connect/auth" + query(params));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(Browser.queryOf(refused)).containsEntry("error", "invalid_request").containsEntry("state", "st-1");
        Map<String, String> plain = new LinkedHashMap<>(authorizeParams());
        plain.put("code_challenge_method", "plain");
        assertThat(Browser.queryOf(browser.get(provider.issuer() + "/protocol/openid-connect/auth" + query(plain))))
                .containsEntry("error", "invalid_request");
    }

    @Test
    void codeIsNeverSentOffThisMachineOrToAnotherClient() throws Exception {
        HttpResponse<String> foreign = browser.get(authorizeUrl(Map.of("redirect_uri", "https://attacker.example/cb")));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> otherClient = browser.get(authorizeUrl(Map.of("client_id", "payroll")));
        assertThat(otherClient.statusCode()).isEqualTo(400);
        assertThat(otherClient.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void codeIsRefusedForAnotherRedirectAddress() throws Exception {
        String code = Browser.queryOf(signIn(browser.get(authorizeUrl(Map.of())), "staff-ana", "demo")).get("code");

        HttpResponse<String> refused = browser.postAsClient(provider.tokenEndpoint(), "haven", "haven-local-secret",
                Map.of("grant_type", "authorization_code", "code", code, "code_verifier", VERIFIER,
                        "redirect_uri", "http://localhost:8082/debriefs"));

        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void signedInBrowserGetsTheNextCodeWithoutTheFormUntilItSignsOut() throws Exception {
        HttpResponse<String> first = signIn(browser.get(authorizeUrl(Map.of())), "dir-1", "demo");
        String idToken = Browser.json(exchange(Browser.queryOf(first).get("code"), VERIFIER)).path("id_token").asText();
        String refreshToken = Browser.json(exchange(
                Browser.queryOf(browser.get(authorizeUrl(Map.of()))).get("code"), VERIFIER)).path("refresh_token").asText();

        HttpResponse<String> again = browser.get(authorizeUrl(Map.of("state", "st-2")));
        assertThat(again.statusCode()).as("single sign-on: no form the second time").isEqualTo(302);
        assertThat(Browser.queryOf(again)).containsKey("code").containsEntry("state", "st-2");

        HttpResponse<String> logout = browser.get(provider.issuer() + "/protocol/openid-connect/logout"
                + query(Map.of("id_token_hint", idToken, "post_logout_redirect_uri", APP + "/", "state", "bye")));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValue(APP + "/?state=bye");

        assertThat(browser.get(authorizeUrl(Map.of())).statusCode()).as("the form again after sign-out").isEqualTo(200);
        HttpResponse<String> refresh = browser.postAsClient(provider.tokenEndpoint(), "haven", "haven-local-secret",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(refresh.statusCode()).as("refresh tokens of an ended session are refused").isEqualTo(400);
    }

    @Test
    void promptNoneWithoutASessionAsksTheApplicationToSignIn() throws Exception {
        HttpResponse<String> response = browser.get(authorizeUrl(Map.of("prompt", "none")));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(Browser.queryOf(response)).containsEntry("error", "login_required");
    }

    @Test
    void expiredOrForgedLoginFormIsRefused() throws Exception {
        HttpResponse<String> response = browser.postForm(provider.issuer() + "/login-actions/authenticate",
                Map.of("login", "made-up", "username", "admin", "password", "demo"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    private HttpResponse<String> signIn(HttpResponse<String> form, String username, String password) throws Exception {
        return browser.postForm(provider.issuer() + "/login-actions/authenticate",
                Map.of("login", Browser.loginIdOf(form.body()), "username", username, "password", password));
    }

    private HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return browser.postAsClient(provider.tokenEndpoint(), "haven", "haven-local-secret",
                Map.of("grant_type", "authorization_code", "code", code, "code_verifier", verifier, "redirect_uri", CALLBACK));
    }

    private Map<String, String> authorizeParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", "haven");
        params.put("redirect_uri", CALLBACK);
        params.put("scope", "openid");
        params.put("state", "st-1");
        params.put("nonce", "n-1");
        params.put("code_challenge", Pkce.s256(VERIFIER));
        params.put("code_challenge_method", "S256");
        return params;
    }

    private String authorizeUrl(Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>(authorizeParams());
        params.putAll(overrides);
        return provider.issuer() + "/protocol/openid-connect/auth" + query(params);
    }

    private static String query(Map<String, String> params) {
        return Exchanges.withQuery("", params);
    }
}
