package org.haven.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Keycloak, from the Maven Central distribution the build unpacks ({@code haven.keycloak.home}), started
 * in dev mode (its own H2 file store in a throw-away directory) on free ports, with a bootstrap admin whose
 * password is made per run. Keycloak 26 needs Java 21+: the JDK is found as the launcher finds its AOT JDK
 * ({@code HAVEN_JAVA_HOME}, the running JDK, the newest under /usr/lib/jvm and the like).
 */
final class RealKeycloak implements AutoCloseable {

    static final int NEEDS_JAVA = 21;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(12);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path data;
    private final int port;
    private final String adminPassword;
    private final Duration startedIn;

    private RealKeycloak(Process process, Path data, int port, String adminPassword, Duration startedIn) {
        this.process = process;
        this.data = data;
        this.port = port;
        this.adminPassword = adminPassword;
        this.startedIn = startedIn;
    }

    /** The JDK Keycloak runs on, or an error that says none of 21+ was found and where it looked. */
    static JavaRuntime jdk() {
        return JavaRuntime.atLeast(NEEDS_JAVA, System.getenv(), Path.of(System.getProperty("java.home")), JavaRuntime.usualInstallPlaces())
                .orElseThrow(() -> new IllegalStateException("Keycloak " + "26 needs a JDK " + NEEDS_JAVA + " or newer and none was found: "
                        + "set HAVEN_JAVA_HOME to one, or install one under " + JavaRuntime.usualInstallPlaces()
                        + " (HAVEN_JAVA_HOME=" + System.getenv("HAVEN_JAVA_HOME") + ", this JVM is " + Runtime.version() + ")"));
    }

    static RealKeycloak start() throws Exception {
        Path home = Path.of(System.getProperty("haven.keycloak.home", "target/keycloak/missing"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + ": run the test through Maven (./mvnw -pl deploy/local verify), which unpacks org.keycloak:keycloak-quarkus-dist");
        }
        JavaRuntime jdk = jdk();
        Path data = Files.createTempDirectory("haven-keycloak");
        int port = freePort();
        int management = freePort();
        String adminPassword = UUID.randomUUID().toString();
        // dev mode's H2 file store, but in the throw-away directory instead of the shared distribution's data/;
        // NON_KEYWORDS=VALUE is what Keycloak's own dev-file URL adds (its tables have a column VALUE).
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management, "--health-enabled=true",
                "--db-url=jdbc:h2:file:" + data.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("keycloak.log").toFile());
        builder.environment().put("JAVA_HOME", jdk.home().toString());
        // Its default heap is a share of the machine's memory; the test machine is shared.
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        long t0 = System.nanoTime();
        Process process = builder.start();
        RealKeycloak keycloak = new RealKeycloak(process, data, port, adminPassword, Duration.ZERO);
        keycloak.awaitReady(management);
        return new RealKeycloak(process, data, port, adminPassword, Duration.ofNanos(System.nanoTime() - t0));
    }

    private void awaitReady(int management) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/health/ready")).timeout(Duration.ofSeconds(3)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Keycloak was not ready within " + READY_TIMEOUT.toMinutes() + " min:\n" + tail());
    }

    Duration startedIn() {
        return startedIn;
    }

    /** Its base URL as a browser on this machine reaches it (localhost, as in the services' redirect URIs). */
    String url() {
        return "http://localhost:" + port;
    }

    String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    /** Creates a realm from its JSON representation through the admin REST API. */
    void createRealm(JsonNode realm) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(realm))).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the realm: " + created.statusCode() + " " + created.body());
        }
    }

    /** An access token from the realm's token endpoint (resource-owner password grant of a client that allows it). */
    String passwordGrant(String realm, String clientId, String clientSecret, String username, String password) throws Exception {
        JsonNode answer = tokenRequest(realm, Map.of("grant_type", "password", "client_id", clientId, "client_secret", clientSecret,
                "username", username, "password", password, "scope", "openid"));
        return answer.path("access_token").asText();
    }

    private String adminToken() throws Exception {
        return tokenRequest("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", adminPassword)).path("access_token").asText();
    }

    private JsonNode tokenRequest(String realm, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak's token endpoint answered " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("keycloak.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        // kc.sh runs Keycloak's JVM as its child: stop both.
        List<ProcessHandle> all = process.descendants().toList();
        process.destroy();
        all.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        all.forEach(ProcessHandle::destroyForcibly);
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
