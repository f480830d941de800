package org.haven.local.identity;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small, standard OpenID Connect provider for the local run only, so that a newcomer needs no identity
 * server download: one realm {@code haven} at Keycloak's paths, one confidential client {@code haven},
 * the demo people of {@code identity/demo-users.json}. Services verify its tokens exactly as they verify
 * Keycloak's in production. It listens on the loopback interface only and refuses any other address.
 */
public final class LocalIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = Realm.CLIENT_ID;
    public static final String CLIENT_SECRET = Realm.CLIENT_SECRET;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Realm realm;

    private LocalIdentityProvider(HttpServer server, ExecutorService executor, Realm realm) {
        this.server = server;
        this.executor = executor;
        this.realm = realm;
    }

    /** Starts on 127.0.0.1 at {@code port} (0: any free port), keeping its keys under {@code dataDir/identity}. */
    public static LocalIdentityProvider start(Path dataDir, int port) throws IOException {
        return start(dataDir, new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
    }

    /** @throws IllegalArgumentException for any address that is not the loopback interface */
    public static LocalIdentityProvider start(Path dataDir, InetSocketAddress address) throws IOException {
        return start(dataDir, address, Clock.systemUTC());
    }

    static LocalIdentityProvider start(Path dataDir, InetSocketAddress address, Clock clock) throws IOException {
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("The local identity provider is for this machine only; it will not listen on "
                    + address + ". Use 127.0.0.1.");
        }
        SigningKeys keys = SigningKeys.loadOrCreate(dataDir.resolve("identity"));
        DemoUsers users = DemoUsers.load();
        HttpServer server = HttpServer.create(address, 0);
        int port = server.getAddress().getPort();
        Realm realm = Realm.onPort(port);
        TokenIssuer tokens = new TokenIssuer(realm, keys, clock);
        SignIns signIns = new SignIns(clock);
        server.createContext("/", new RealmEndpoints(realm, keys, tokens,
                new AuthorizationEndpoint(realm, port, users, tokens, signIns, clock),
                new TokenEndpoint(users, tokens, signIns, clock)));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "identity-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new LocalIdentityProvider(server, executor, realm);
    }

    /** The issuer services are given as {@code OIDC_ISSUER}: {@code http://localhost:<port>/realms/haven}. */
    public String issuer() {
        return realm.issuer();
    }

    public String tokenEndpoint() {
        return realm.url(Realm.TOKEN);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
