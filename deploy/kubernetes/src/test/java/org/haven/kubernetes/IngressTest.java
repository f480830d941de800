package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

class IngressTest {

    private static final Map<String, String> API_ROUTES = Map.of(
            "/api/incidents", "incident-service",
            "/api/sites/site-north/people", "incident-service",
            "/api/audit", "incident-service",
            "/api/debriefs", "debrief-service",
            "/api/alerts", "notification-service",
            "/api/directory", "notification-service",
            "/app/console", "notification-service",
            "/app/api/console/directory/sites", "notification-service",
            "/api/followups", "wellness-service",
            "/api/staff", "wellness-service");

    private static final String NGINX = "nginx.ingress.kubernetes.io/";
    private static final int KEYCLOAK_HTTPS = 8443;
    /** Page APIs under /app/api, which the /app rule would otherwise send to incident-service. */
    private static final Map<String, String> PAGE_API_ROUTES = Map.of(
            "/app/api/alerts", "notification-service",
            "/app/api/push/key", "notification-service",
            "/app/api/push/subscription", "notification-service");

    private static final Pattern ANY_PATH = Pattern.compile("@Path\\(\"([^\"]+)\"\\)");
    private static final Pattern CLASS_DECLARATION = Pattern.compile("(?m)^(public\\s+|final\\s+|abstract\\s+)*class\\s");
    private static final Pattern API_ROOT = Pattern.compile("@Path\\(\"(/api/[^/\"{]+)");

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void oneOriginRoutesEveryApiToTheServiceThatServesIt(String name) {
        IngressRule haven = havenHost(Overlays.get(name));

        API_ROUTES.forEach((path, service) -> assertThat(backend(haven, path)).as(path).isEqualTo(service));
    }

    /** Issue 19: each report is served by the service that owns its data, under routes that already existed. */
    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyReportIsRoutedToTheServiceThatOwnsItsData(String name) {
        IngressRule haven = havenHost(Overlays.get(name));

        Map.of("/app/reports", "incident-service",
                "/app/reports/incidents.csv", "incident-service",
                "/app/reports.css", "incident-service",
                "/app/debriefs/reports/compliance.csv", "debrief-service",
                "/debrief-assets/report.css", "debrief-service",
                "/app/wellness/reports/follow-ups.csv", "wellness-service",
                "/wellness-assets/report.css", "wellness-service")
                .forEach((path, service) -> assertThat(backend(haven, path)).as(path).isEqualTo(service));
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void thePagesOwnApisReachTheServiceOfThePage(String name) {
        IngressRule haven = havenHost(Overlays.get(name));

        PAGE_API_ROUTES.forEach((path, service) -> assertThat(backend(haven, path)).as(path).isEqualTo(service));
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyApiRootInAServicesSourceIsRoutedToThatService(String name) throws IOException {
        IngressRule haven = havenHost(Overlays.get(name));

        for (String service : Repository.SERVICES) {
            for (String root : apiRoots(Repository.root().resolve(service).resolve("src/main/java"))) {
                assertThat(backend(haven, root)).as(service + " serves " + root).isEqualTo(service);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyPageLinkAndStaticFileIsRoutedToTheServiceThatServesIt(String name) throws IOException {
        IngressRule haven = havenHost(Overlays.get(name));

        for (String service : Repository.SERVICES) {
            Path module = Repository.root().resolve(service);
            Set<String> paths = pagePaths(module.resolve("src/main/java"));
            paths.addAll(staticFiles(module.resolve("src/main/resources/META-INF/resources")));
            assertThat(paths).as(service + " serves pages or files").isNotEmpty();
            for (String path : paths) {
                assertThat(backend(haven, path)).as(service + " serves " + path).isEqualTo(service);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void quarkusHealthAndMetricsStayInsideTheCluster(String name) {
        IngressRule haven = havenHost(Overlays.get(name));

        assertThat(haven.getHttp().getPaths()).allSatisfy(path -> {
            assertThat(path.getPath()).doesNotStartWith("/q");
            if (path.getPath().equals("/")) {
                assertThat(path.getPathType()).as("'/' as a Prefix would publish /q/metrics").isEqualTo("Exact");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyBackendIsARenderedServicePort(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        String keycloakService = Maps.string(overlay.singleCustom("Keycloak"), "metadata.name") + "-service";

        for (Ingress ingress : overlay.all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    if (backend.getName().equals(keycloakService)) {
                        // the operator's Service: Keycloak's HTTPS port, the only one it serves
                        assertThat(backend.getPort().getNumber()).isEqualTo(KEYCLOAK_HTTPS);
                        continue;
                    }
                    Service service = overlay.one(Service.class, backend.getName());
                    assertThat(service.getSpec().getPorts()).anySatisfy(port ->
                            assertThat(port.getName()).isEqualTo(backend.getPort().getName()));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void keycloaksPublicRouteReachesItOverHttpsAndVerifiesItsCertificateAgainstHavensCa(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Map<String, Object> keycloak = overlay.singleCustom("Keycloak");
        String namespace = overlay.single(Namespace.class).getMetadata().getName();
        Ingress auth = overlay.one(Ingress.class, "haven-keycloak");
        Map<String, String> annotations = auth.getMetadata().getAnnotations();

        assertThat(auth.getSpec().getRules()).singleElement().satisfies(rule -> assertThat(rule.getHttp().getPaths()).singleElement()
                .satisfies(path -> {
                    assertThat(path.getPath()).isEqualTo("/");
                    assertThat(path.getBackend().getService().getName()).isEqualTo(Maps.string(keycloak, "metadata.name") + "-service");
                    assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(KEYCLOAK_HTTPS);
                }));
        assertThat(annotations).containsEntry(NGINX + "backend-protocol", "HTTPS")
                .containsEntry(NGINX + "proxy-ssl-verify", "on")
                .containsEntry(NGINX + "proxy-ssl-server-name", "on");
        // the name checked is one Keycloak's certificate carries
        Certificate served = InternalCa.writing(overlay, Maps.string(keycloak, "spec.http.tlsSecret"));
        assertThat(served.getSpec().getDnsNames()).contains(annotations.get(NGINX + "proxy-ssl-name"));
        // the CA it is checked against: ca.crt of a Secret in this namespace that Haven's CA issued, the CA that signs
        // Keycloak's certificate; and not the Secret of Keycloak's certificate itself (the controller would hold its key)
        String[] trust = String.valueOf(annotations.get(SecretReferences.PROXY_SSL_SECRET)).split("/");
        assertThat(trust).as(SecretReferences.PROXY_SSL_SECRET + " is <namespace>/<secret>").hasSize(2);
        assertThat(trust[0]).isEqualTo(namespace);
        assertThat(trust[1]).isNotEqualTo(served.getSpec().getSecretName());
        assertThat(InternalCa.caOf(overlay, trust[1]).getMetadata().getName())
                .isEqualTo(InternalCa.caOf(overlay, served.getSpec().getSecretName()).getMetadata().getName());
        assertThat(InternalCa.writing(overlay, trust[1]).getSpec().getUsages()).doesNotContain("server auth");
    }

    static IngressRule havenHost(RenderedOverlay overlay) {
        return overlay.one(Ingress.class, "haven").getSpec().getRules().get(0);
    }

    /** The service a request for this path reaches: the longest matching Prefix path wins. */
    private static String backend(IngressRule rule, String requestPath) {
        return rule.getHttp().getPaths().stream()
                .filter(path -> path.getPathType().equals("Exact") ? requestPath.equals(path.getPath())
                        : requestPath.equals(path.getPath()) || requestPath.startsWith(path.getPath().endsWith("/") ? path.getPath() : path.getPath() + "/"))
                .max((a, b) -> Integer.compare(a.getPath().length(), b.getPath().length()))
                .map(path -> path.getBackend().getService().getName())
                .orElse("(no route)");
    }

    /** Every non-API resource path (pages, one-time links): the class's @Path joined with each method's. */
    private static Set<String> pagePaths(Path sources) throws IOException {
        Set<String> paths = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return paths;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declaration = CLASS_DECLARATION.matcher(source);
                int classAt = declaration.find() ? declaration.start() : -1;
                Matcher matcher = ANY_PATH.matcher(source);
                if (classAt < 0 || !matcher.find() || matcher.start() > classAt || matcher.group(1).startsWith("/api/")) {
                    continue;
                }
                String root = matcher.group(1);
                boolean subPaths = false;
                while (matcher.find()) {
                    String sub = matcher.group(1);
                    paths.add(beforeTemplate(root + (sub.startsWith("/") ? sub : "/" + sub)));
                    subPaths = true;
                }
                if (!subPaths) { // a root alone is served as it is (a page without sub-resources)
                    paths.add(beforeTemplate(root));
                }
            }
        }
        return paths;
    }

    private static Set<String> staticFiles(Path resources) throws IOException {
        Set<String> paths = new TreeSet<>();
        if (!Files.isDirectory(resources)) {
            return paths;
        }
        try (Stream<Path> files = Files.walk(resources)) {
            files.filter(Files::isRegularFile).forEach(file ->
                    paths.add("/" + resources.relativize(file).toString().replace('\\', '/')));
        }
        return paths;
    }

    private static String beforeTemplate(String path) {
        int template = path.indexOf('{');
        String fixed = template < 0 ? path : path.substring(0, template);
        return fixed.length() > 1 && fixed.endsWith("/") ? fixed.substring(0, fixed.length() - 1) : fixed;
    }

    private static Set<String> apiRoots(Path sources) throws IOException {
        Set<String> roots = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return roots;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = API_ROOT.matcher(Files.readString(file));
                while (matcher.find()) {
                    roots.add(matcher.group(1));
                }
            }
        }
        return roots;
    }
}
