package org.haven.notification;

import org.haven.notification.domain.AckLinkKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AckLinkKeyTest {

    private static final String RANDOM_64_HEX = "3f9c1b7e2a4d6f8051c3e5a7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7";

    @Test
    void anUnsetOrBlankKeyStopsTheServiceNamingTheSetting() {
        for (Optional<String> unset : List.of(Optional.<String>empty(), Optional.of("   "))) {
            assertThatThrownBy(() -> AckLinkKey.check(unset, true)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HAVEN_ACK_LINK_SECRET").hasMessageContaining("is not set");
            assertThatThrownBy(() -> AckLinkKey.check(unset, false)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aKeyShorterThan32BytesStopsTheServiceInEveryProfile() {
        String shortKey = "a".repeat(31);

        assertThatThrownBy(() -> AckLinkKey.check(Optional.of(shortKey), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("31 bytes").hasMessageContaining("at least 32");
        assertThatThrownBy(() -> AckLinkKey.check(Optional.of(shortKey), false)).isInstanceOf(IllegalStateException.class);
        assertThat(AckLinkKey.check(Optional.of("a".repeat(32)), true)).hasSize(32);
    }

    @Test
    void thePublishedDevelopmentKeyIsRefusedInProductionOnly() {
        assertThatThrownBy(() -> AckLinkKey.check(Optional.of(AckLinkKey.NOT_FOR_PRODUCTION), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("development key");
        assertThat(AckLinkKey.check(Optional.of(AckLinkKey.NOT_FOR_PRODUCTION), false)).isNotEmpty();
    }

    @Test
    void aRandomKeyOf32BytesOrMoreIsAccepted() {
        assertThat(AckLinkKey.check(Optional.of(RANDOM_64_HEX), true)).hasSize(64);
    }

    @Test
    void theKeysTheDevAndTestProfilesUseAreNotAcceptedAsProductionKeys() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String production = properties.getProperty("haven.notification.ack-link.secret");
        String test = properties.getProperty("%test.haven.notification.ack-link.secret");
        String dev = properties.getProperty("%dev.haven.notification.ack-link.secret");

        assertThat(production).as("no default outside %dev and %test").isEqualTo("${HAVEN_ACK_LINK_SECRET:}");
        assertThatThrownBy(() -> AckLinkKey.check(Optional.of(test), true)).isInstanceOf(IllegalStateException.class);
        assertThat(dev).isEqualTo("${HAVEN_ACK_LINK_SECRET:" + AckLinkKey.NOT_FOR_PRODUCTION + "}");
    }
}
