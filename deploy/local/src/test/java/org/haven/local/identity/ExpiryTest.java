package org.haven.local.identity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes, access tokens and refresh tokens stop working when their time is up. */
class ExpiryTest {

    private static final String CALLBACK = "http://localhost:8084/followups";
    private static final String VERIFIER = "M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag";

    /** A clock the test moves forward. */
    static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T09:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path data;

    private final SteppedClock clock = new SteppedClock();
    private final Browser browser = new Browser();
    private LocalIdentityProvider provider;

    @BeforeEach
    void start() throws Exception {
        provider = LocalIdentityProvider.start(data, new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), clock);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void aCodeIsRefusedAfterAMinute() throws Exception {
        String code = signInAndGetCode();

        clock.advance(Duration.ofSeconds(61));

        assertThat(exchange(code).statusCode()).isEqualTo(400);
    }

    @Test
    void accessTokenLastsOneHourAndRefreshTokenOneShift() throws Exception {
        var tokens = Browser.json(exchange(signInAndGetCode()));
        String userinfo = provider.issuer() + "/protocol/openid-connect/userinfo";

        clock.advance(Duration.ofMinutes(59));
        assertThat(browser.get(userinfo, tokens.path("access_token").asText()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(browser.get(userinfo, tokens.path("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(refresh(tokens.path("refresh_token").asText()).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(10));
        assertThat(refresh(tokens.path("refresh_token").asText()).statusCode()).isEqualTo(400);
    }

    private String signInAndGetCode() throws Exception {
        String authorize = provider.issuer() + "/protocol/openid-connect/auth" + Exchanges.withQuery("", Map.of(
                "response_type", "code", "client_id", "haven", "redirect_uri", CALLBACK, "scope", "openid",
                "state", "s", "code_challenge", Pkce.s256(VERIFIER), "code_challenge_method", "S256"));
        HttpResponse<String> form = browser.get(authorize);
        HttpResponse<String> signedIn = browser.postForm(provider.issuer() + "/login-actions/authenticate",
                Map.of("login", Browser.loginIdOf(form.body()), "username", "staff-ben", "password", "demo"));
        return Browser.queryOf(signedIn).get("code");
    }

    private HttpResponse<String> exchange(String code) throws Exception {
        return browser.postAsClient(provider.tokenEndpoint(), "haven", "haven-local-secret",
                Map.of("grant_type", "authorization_code", "code", code, "code_verifier", VERIFIER, "redirect_uri", CALLBACK));
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return browser.postAsClient(provider.tokenEndpoint(), "haven", "haven-local-secret",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }
}
