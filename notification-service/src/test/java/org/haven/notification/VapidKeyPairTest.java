package org.haven.notification;

import com.interaso.webpush.VapidKeys;
import org.haven.notification.domain.VapidKeyPair;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a usable VAPID pair of its own, a production service refuses to start, as without its ack-link key. */
class VapidKeyPairTest {

    /** A pair made for this test with openssl (deploy/README.md's commands), never used anywhere. */
    private static final String PUBLIC = "BFcAlI_WSPrD0ioszxEFq8TtCAA1GLsKhbB-6nTxIBJqrKc_JXVvRVwNlsScjksc6wXOZRdhAtEhL8uScPkeay4";
    private static final String PRIVATE = "qungL7WgeEfecfRgmZmo1dnUq4RETF8BAoP6cLh5IHU";

    @Test
    void anUnsetPairStopsAProductionServiceNamingTheSetting() {
        for (Optional<String> unset : List.of(Optional.<String>empty(), Optional.of("  "))) {
            assertThatThrownBy(() -> VapidKeyPair.check(unset, unset, true)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HAVEN_VAPID_PUBLIC_KEY").hasMessageContaining("is not set");
            assertThatThrownBy(() -> VapidKeyPair.check(Optional.of(PUBLIC), unset, true)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HAVEN_VAPID_PRIVATE_KEY").hasMessageContaining("is not set");
        }
    }

    @Test
    void thePublishedDevelopmentPairIsRefusedInProductionAndUsedElsewhereWhenNoneIsSet() {
        assertThatThrownBy(() -> VapidKeyPair.check(Optional.of(VapidKeyPair.NOT_FOR_PRODUCTION_PUBLIC_KEY), Optional.of(PRIVATE), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("development key");

        VapidKeys dev = VapidKeyPair.check(Optional.empty(), Optional.empty(), false);

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(dev.getApplicationServerKey()))
                .isEqualTo(VapidKeyPair.NOT_FOR_PRODUCTION_PUBLIC_KEY);
    }

    @Test
    void halvesThatAreNotOnePairOrNotBase64urlStopTheService() {
        String otherPublic = Base64.getUrlEncoder().withoutPadding().encodeToString(
                VapidKeyPair.check(Optional.empty(), Optional.empty(), false).getApplicationServerKey());
        for (List<String> bad : List.of(List.of(otherPublic, PRIVATE), List.of("not base64!", PRIVATE), List.of(PUBLIC, "AAAA"))) {
            assertThatThrownBy(() -> VapidKeyPair.check(Optional.of(bad.get(0)), Optional.of(bad.get(1)), false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("are not a P-256 key pair");
        }
    }

    @Test
    void aPairOfItsOwnIsAccepted() {
        VapidKeys keys = VapidKeyPair.check(Optional.of(PUBLIC), Optional.of(PRIVATE), true);

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(keys.getApplicationServerKey())).isEqualTo(PUBLIC);
    }

    @Test
    void productionReadsThePairFromTheEnvironmentWithNoDefault() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }

        assertThat(properties.getProperty("haven.notification.push.vapid-public-key")).isEqualTo("${HAVEN_VAPID_PUBLIC_KEY:}");
        assertThat(properties.getProperty("haven.notification.push.vapid-private-key")).isEqualTo("${HAVEN_VAPID_PRIVATE_KEY:}");
        assertThat(properties.stringPropertyNames()).noneMatch(name -> name.contains("vapid") && name.startsWith("%"));
    }
}
