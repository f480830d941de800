package org.haven.local;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The test's authenticator app gives RFC 6238's own SHA-1 test vectors (their last six digits). */
class AuthenticatorAppTest {

    // RFC 6238 appendix B: the ASCII key "12345678901234567890", in base32 as Keycloak would show it
    private static final AuthenticatorApp APP = AuthenticatorApp.withKey("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");

    @Test
    void givesTheRfcTestVectors() {
        assertThat(APP.codeAt(Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(APP.codeAt(Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(APP.codeAt(Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
        assertThat(APP.codeAt(Instant.ofEpochSecond(20000000000L))).isEqualTo("353130");
    }

    @Test
    void readsTheKeyInAnyCaseWithOrWithoutSpaces() {
        assertThat(AuthenticatorApp.base32("gezd gnbv")).isEqualTo(AuthenticatorApp.base32("GEZDGNBV"));
        assertThat(new String(AuthenticatorApp.base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))).isEqualTo("12345678901234567890");
    }
}
