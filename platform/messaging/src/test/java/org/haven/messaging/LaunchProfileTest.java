package org.haven.messaging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchProfileTest {

    @Test
    void prodAndEveryProfileAnAdminMightNameAreProduction() {
        assertThat(LaunchProfile.isProduction(List.of("prod"))).isTrue();
        assertThat(LaunchProfile.isProduction(List.of("staging"))).isTrue();
        assertThat(LaunchProfile.isProduction(List.of("prod", "kubernetes"))).isTrue();
        assertThat(LaunchProfile.isProduction(List.of())).isTrue();
    }

    @Test
    void devTestAndTheLocalRunAreNot() {
        assertThat(LaunchProfile.isProduction(List.of("dev"))).isFalse();
        assertThat(LaunchProfile.isProduction(List.of("test"))).isFalse();
        assertThat(LaunchProfile.isProduction(List.of("prod", "local"))).isFalse();
    }
}
