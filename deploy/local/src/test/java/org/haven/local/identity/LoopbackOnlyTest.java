package org.haven.local.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LoopbackOnlyTest {

    @TempDir
    Path data;

    @Test
    void listensOnTheLoopbackInterfaceOnly() throws Exception {
        try (LocalIdentityProvider provider = LocalIdentityProvider.start(data, 0)) {
            assertThat(provider.issuer()).isEqualTo("http://localhost:" + provider.port() + "/realms/haven");
            Optional<InetAddress> lan = nonLoopbackAddress();
            assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to try");
            assertThatThrownBy(() -> new java.net.Socket(lan.get(), provider.port()).close())
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void refusesTheWildcardAddress() {
        assertThatThrownBy(() -> LocalIdentityProvider.start(data, new InetSocketAddress("0.0.0.0", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void refusesANetworkAddress() throws Exception {
        Optional<InetAddress> lan = nonLoopbackAddress();
        InetAddress address = lan.orElse(InetAddress.getByName("192.0.2.10"));
        assertThatThrownBy(() -> LocalIdentityProvider.start(data, new InetSocketAddress(address, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalIdentityProvider.start(data, InetSocketAddress.createUnresolved("haven.example", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
