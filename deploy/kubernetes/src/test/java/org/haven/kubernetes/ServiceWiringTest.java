package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.strimzi.api.kafka.model.common.metrics.JmxPrometheusExporterMetrics;
import io.strimzi.api.kafka.model.kafka.Kafka;

/** The services, Kafka, PostgreSQL, Keycloak and the Ingress agree on names, ports, URLs and budgets. */
class ServiceWiringTest {

    /** Credentials: only ever from a Secret, never from a ConfigMap or a literal. */
    private static final List<String> CREDENTIALS = List.of("DB_USER", "DB_PASSWORD", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "KAFKA_SASL_JAAS_CONFIG");

    /** Keycloak's HTTPS port (the operator's default), its only one. */
    private static final int KEYCLOAK_HTTPS = 8443;

    /** An OIDC tenant's issuer: {@code quarkus.oidc.auth-server-url} (the default tenant) or {@code quarkus.oidc.<tenant>.auth-server-url}. */
    private static final Pattern TENANT_ISSUER = Pattern.compile("quarkus\\.oidc(\\.[a-z0-9-]+)?\\.auth-server-url");

    /** Set on every service now; read by each one as the identity work reaches it. */
    private static final Set<String> IDENTITY_AHEAD_OF_USE = Set.of("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_AUDIENCE");

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyVariableAServiceRequiresIsSet(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Map<String, ServiceProperties.Expectations> services = ServiceProperties.ofServices();

        assertThat(services).isNotEmpty();
        services.forEach((service, expected) ->
                assertThat(overlay.environmentNames(service)).as(service).containsAll(expected.requiredVariables()));
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyVariableTheManifestsSetIsOneTheServiceReads(String name) {
        RenderedOverlay overlay = Overlays.get(name);

        ServiceProperties.ofServices().forEach((service, expected) -> {
            List<String> unread = overlay.environmentNames(service).stream()
                    .filter(variable -> !variable.startsWith("QUARKUS_") && !variable.equals("JDK_JAVA_OPTIONS"))
                    .filter(variable -> !IDENTITY_AHEAD_OF_USE.contains(variable))
                    .filter(variable -> !expected.variables().contains(variable))
                    .toList();
            assertThat(unread).as(service + ": variables its application.properties never reads").isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void credentialsComeOnlyFromSecrets(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        for (String service : Repository.SERVICES) {
            List<String> fromSecrets = secretVariables(overlay, service);

            assertThat(fromSecrets).containsAll(CREDENTIALS);
            assertThat(overlay.environmentNames(service).stream()
                    .filter(variable -> variable.contains("PASSWORD") || variable.contains("SECRET") || variable.endsWith("_USER"))
                    .filter(variable -> !fromSecrets.contains(variable)))
                    .as(service).isEmpty();
        }
        assertThat(secretVariables(overlay, "notification-service")).contains("SMTP_USER", "SMTP_PASSWORD");
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void notificationServiceSignsAcknowledgementLinksWithTheKeyFromItsSecret(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        EnvVar key = overlay.service("notification-service").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(env -> env.getName().equals("HAVEN_ACK_LINK_SECRET"))
                .findFirst().orElseThrow(() -> new AssertionError(name + ": notification-service has no HAVEN_ACK_LINK_SECRET"));

        assertThat(key.getValue()).as("never a literal").isNull();
        assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("haven-ack-links");
        assertThat(key.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("secret");
        assertThat(key.getValueFrom().getSecretKeyRef().getOptional()).as("the service must not start without it").isNotEqualTo(true);
        assertThat(ServiceProperties.ofServices().get("notification-service").variables()).contains("HAVEN_ACK_LINK_SECRET");
        assertThat(DocumentedSecrets.inReadme()).containsKey("haven-ack-links");
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyServiceThatSignsCsrfTokensGetsTheKeyFromTheWebSessionSecret(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        List<String> signers = ServiceProperties.ofServices().entrySet().stream()
                .filter(service -> service.getValue().variables().contains("CSRF_SIGNATURE_KEY"))
                .map(Map.Entry::getKey).toList();
        assertThat(signers).contains("debrief-service", "wellness-service");
        for (String service : signers) {
            EnvVar key = overlay.service(service).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(env -> env.getName().equals("CSRF_SIGNATURE_KEY"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + ": " + service + " has no CSRF_SIGNATURE_KEY"));

            assertThat(key.getValue()).as("never a literal").isNull();
            assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("haven-web-session");
            assertThat(key.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("csrf-key");
            assertThat(key.getValueFrom().getSecretKeyRef().getOptional()).as("the service must not start without it").isNotEqualTo(true);
        }
        assertThat(DocumentedSecrets.inReadme()).containsKey("haven-web-session");
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void eachServiceLogsIntoItsOwnDatabaseAsTheRoleThatOwnsIt(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Map<String, Object> cluster = overlay.singleCustom("Cluster");
        String clusterName = Maps.string(cluster, "metadata.name");

        for (String service : Repository.SERVICES) {
            String database = "haven_" + service.replace("-service", "");
            assertThat(overlay.requiredEnvironment(service, "DB_URL"))
                    .isEqualTo("jdbc:postgresql://" + clusterName + "-rw:5432/" + database);

            Map<String, Object> declared = database(overlay, database);
            assertThat(Maps.string(declared, "spec.cluster.name")).isEqualTo(clusterName);
            String owner = Maps.string(declared, "spec.owner");
            String ownerSecret = Maps.string(role(cluster, owner), "passwordSecret.name");
            assertThat(secretOf(overlay, service, "DB_USER")).isEqualTo(ownerSecret);
            assertThat(secretOf(overlay, service, "DB_PASSWORD")).isEqualTo(ownerSecret);
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void keycloakStoresItsDataInItsOwnDatabaseOnTheSameCluster(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Map<String, Object> cluster = overlay.singleCustom("Cluster");
        Map<String, Object> keycloak = overlay.singleCustom("Keycloak");

        assertThat(Maps.string(keycloak, "spec.db.host")).isEqualTo(Maps.string(cluster, "metadata.name") + "-rw");
        String owner = Maps.string(database(overlay, Maps.string(keycloak, "spec.db.database")), "spec.owner");
        assertThat(Maps.string(keycloak, "spec.db.usernameSecret.name"))
                .isEqualTo(Maps.string(role(cluster, owner), "passwordSecret.name"));
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void servicesAskTheRealmKeycloakImportsForTokens(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        String keycloak = Maps.string(overlay.singleCustom("Keycloak"), "metadata.name");
        Map<String, Object> realmImport = overlay.singleCustom("KeycloakRealmImport");

        assertThat(Maps.string(realmImport, "spec.keycloakCRName")).isEqualTo(keycloak);
        List<String> roles = Maps.list(realmImport, "spec.realm.roles.realm").stream().map(role -> String.valueOf(role.get("name"))).toList();
        assertThat(roles).containsExactlyInAnyOrder("staff", "supervisor", "director", "admin");
        for (String service : Repository.SERVICES) {
            assertThat(overlay.requiredEnvironment(service, "OIDC_ISSUER"))
                    .isEqualTo("https://" + keycloak + "-service:8443/realms/" + Maps.string(realmImport, "spec.realm.realm"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void keycloakServesHttpsOnlyWithACertificateFromHavensOwnCaThatNamesItsService(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Map<String, Object> keycloak = overlay.singleCustom("Keycloak");
        String namespace = overlay.single(Namespace.class).getMetadata().getName();
        String service = Maps.string(keycloak, "metadata.name") + "-service";

        assertThat(Maps.map(keycloak, "spec.http").get("httpEnabled")).as("no plain HTTP port at all").isEqualTo(false);
        assertThat(Maps.map(keycloak, "spec.http").getOrDefault("httpsPort", KEYCLOAK_HTTPS)).isEqualTo(KEYCLOAK_HTTPS);
        Certificate certificate = InternalCa.writing(overlay, Maps.string(keycloak, "spec.http.tlsSecret"));
        InternalCa.caOf(overlay, certificate.getSpec().getSecretName());
        assertThat(certificate.getSpec().getIsCA()).isNotEqualTo(true);
        assertThat(certificate.getSpec().getUsages()).contains("server auth");
        assertThat(certificate.getSpec().getDnsNames())
                .contains(URI.create(overlay.requiredEnvironment(Repository.SERVICES.get(0), "OIDC_ISSUER")).getHost())
                .containsExactlyInAnyOrder(service, service + "." + namespace + ".svc", service + "." + namespace + ".svc.cluster.local");
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void servicesReachKeycloakOverHttpsTrustingHavensOwnCa(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        String tlsSecret = Maps.string(overlay.singleCustom("Keycloak"), "spec.http.tlsSecret");

        for (String service : Repository.SERVICES) {
            URI issuer = URI.create(overlay.requiredEnvironment(service, "OIDC_ISSUER"));
            assertThat(issuer.getScheme()).as(service).isEqualTo("https");
            assertThat(issuer.getPort()).as(service).isEqualTo(KEYCLOAK_HTTPS);
            assertThat(overlay.requiredEnvironment(service, "QUARKUS_PROFILE").split(",")).as(service + ": the profile that trusts it")
                    .containsExactly("prod", "kubernetes");
            Path trusted = Path.of(overlay.requiredEnvironment(service, "OIDC_TRUST_CERTS"));
            var pod = overlay.service(service).getSpec().getTemplate().getSpec();
            var mount = pod.getContainers().get(0).getVolumeMounts().stream()
                    .filter(candidate -> trusted.startsWith(candidate.getMountPath()))
                    .findFirst().orElseThrow(() -> new AssertionError(service + ": nothing mounted at " + trusted));
            var volume = pod.getVolumes().stream().filter(candidate -> candidate.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getSecret()).as(service + ": " + trusted + " comes from a Secret").isNotNull();
            assertThat(volume.getSecret().getSecretName()).as(service + ": the Secret of Keycloak's certificate").isEqualTo(tlsSecret);
            // the CA cert-manager writes beside Keycloak's certificate, and nothing else of that Secret (never tls.key)
            assertThat(volume.getSecret().getItems()).as(service + ": what the pod gets of " + tlsSecret).singleElement().satisfies(item -> {
                assertThat(item.getKey()).isEqualTo("ca.crt");
                assertThat(Path.of(mount.getMountPath()).resolve(item.getPath())).isEqualTo(trusted);
            });
            assertThat(mount.getReadOnly()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyOidcTenantOfEveryServiceTrustsTheMountedCaInTheKubernetesProfile(String name) {
        RenderedOverlay overlay = Overlays.get(name);

        for (String service : Repository.SERVICES) {
            Properties properties = ServiceProperties.raw(service);
            List<String> tenants = properties.stringPropertyNames().stream()
                    .filter(key -> !key.startsWith("%"))
                    .map(TENANT_ISSUER::matcher).filter(Matcher::matches)
                    .map(issuer -> issuer.group(1) == null ? "" : issuer.group(1))
                    .toList();
            assertThat(tenants).as(service + ": OIDC tenants").contains("", ".web");
            for (String tenant : tenants) {
                String tlsConfiguration = properties.getProperty("%kubernetes.quarkus.oidc" + tenant + ".tls.tls-configuration-name");
                assertThat(tlsConfiguration).as(service + ": TLS configuration of tenant quarkus.oidc" + tenant).isNotBlank();
                String certs = properties.getProperty("%kubernetes.quarkus.tls." + tlsConfiguration + ".trust-store.pem.certs");
                // the variable the ConfigMap sets, and the same file when it is unset
                assertThat(certs).as(service + ": what TLS configuration " + tlsConfiguration + " trusts")
                        .isEqualTo("${OIDC_TRUST_CERTS:" + overlay.requiredEnvironment(service, "OIDC_TRUST_CERTS") + "}");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void theIngressRoutesSignOutItsReturnPageAndItsScript(String name) {
        Ingress ingress = Overlays.get(name).one(Ingress.class, "haven");
        List<String> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths().stream()
                .map(path -> path.getPath()).toList();
        assertThat(paths).as("/app/logout is under /app").contains("/app", "/signed-out", "/haven-session");
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void theIngressHostsThePublicUrlAndKeycloaksUrlAgree(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Ingress haven = overlay.one(Ingress.class, "haven");
        Ingress auth = overlay.one(Ingress.class, "haven-keycloak");
        String havenHost = haven.getSpec().getRules().get(0).getHost();
        String authHost = auth.getSpec().getRules().get(0).getHost();
        boolean tls = !haven.getSpec().getTls().isEmpty();
        String scheme = tls ? "https" : "http";

        assertThat(auth.getSpec().getTls().isEmpty()).as("both hosts with TLS, or neither").isEqualTo(!tls);
        if (tls) {
            assertThat(haven.getSpec().getTls()).singleElement().satisfies(entry -> assertThat(entry.getHosts()).containsExactly(havenHost));
            assertThat(auth.getSpec().getTls()).singleElement().satisfies(entry -> assertThat(entry.getHosts()).containsExactly(authHost));
        }
        String publicUrl = overlay.requiredEnvironment("notification-service", "HAVEN_APP_URL");
        assertThat(URI.create(publicUrl)).isEqualTo(URI.create(scheme + "://" + havenHost));
        Map<String, Object> client = Maps.list(overlay.singleCustom("KeycloakRealmImport"), "spec.realm.clients").get(0);
        assertThat(client.get("rootUrl")).isEqualTo(publicUrl);
        assertThat(Maps.string(overlay.singleCustom("Keycloak"), "spec.hostname.hostname")).isEqualTo(scheme + "://" + authHost);
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyConfigMapAWorkloadOrKafkaReadsIsRendered(String name) {
        RenderedOverlay overlay = Overlays.get(name);

        overlay.podTemplates().forEach((workload, template) -> template.getSpec().getContainers().forEach(container ->
                container.getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null)
                        .forEach(source -> overlay.one(ConfigMap.class, source.getConfigMapRef().getName()))));
        var metrics = (JmxPrometheusExporterMetrics) overlay.single(Kafka.class).getSpec().getKafka().getMetricsConfig();
        var reference = metrics.getValueFrom().getConfigMapKeyRef();
        assertThat(overlay.one(ConfigMap.class, reference.getName()).getData()).containsKey(reference.getKey());
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void databaseConnectionsAtFullScaleStayBelowPostgresMaxConnections(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        int connections = 0;
        for (String service : Repository.SERVICES) {
            int pool = Integer.parseInt(overlay.requiredEnvironment(service, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
            connections += pool * overlay.one(HorizontalPodAutoscaler.class, service).getSpec().getMaxReplicas();
        }
        Map<String, Object> keycloak = overlay.singleCustom("Keycloak");
        connections += Maps.integer(keycloak, "spec.instances") * Maps.integer(keycloak, "spec.db.poolMaxSize");
        int maxConnections = Maps.integer(overlay.singleCustom("Cluster"), "spec.postgresql.parameters.max_connections");

        assertThat(connections).isLessThan(maxConnections - 10);
    }

    @Test
    void tracesAreExportedInProdAndOffInDev() {
        assertThat(Overlays.get("prod").requiredEnvironment("incident-service", "OTEL_SDK_DISABLED")).isEqualTo("false");
        assertThat(Overlays.get("dev").requiredEnvironment("incident-service", "OTEL_SDK_DISABLED")).isEqualTo("true");
    }

    private static List<String> secretVariables(RenderedOverlay overlay, String service) {
        Container container = overlay.service(service).getSpec().getTemplate().getSpec().getContainers().get(0);
        return container.getEnv().stream()
                .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .map(EnvVar::getName)
                .toList();
    }

    private static String secretOf(RenderedOverlay overlay, String service, String variable) {
        return overlay.service(service).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(env -> env.getName().equals(variable))
                .map(env -> env.getValueFrom().getSecretKeyRef().getName())
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> database(RenderedOverlay overlay, String databaseName) {
        return overlay.custom("Database").stream()
                .filter(database -> databaseName.equals(Maps.string(database, "spec.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay.name() + ": no Database " + databaseName));
    }

    private static Map<String, Object> role(Map<String, Object> cluster, String roleName) {
        return Maps.list(cluster, "spec.managed.roles").stream()
                .filter(role -> roleName.equals(role.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no managed role " + roleName));
    }
}
