package org.haven.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for the mailer to send to. It keeps one port for the whole run so
 * that a test can take it down and bring it back where the application expects it.
 */
public class GreenMailSmtp implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        server = new GreenMail(new ServerSetup(freePort(), HOST, ServerSetup.PROTOCOL_SMTP));
        server.start();
        return Map.of(
                "quarkus.mailer.host", HOST,
                "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static GreenMail server() {
        return server;
    }

    /** Stops accepting connections: the mail server is down. */
    static void goDown() {
        server.stop();
    }

    /** Accepts mail again on the same port (messages received before the outage are gone). */
    static void comeBack() {
        if (!server.isRunning()) {
            server.start();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the test SMTP server", e);
        }
    }
}
