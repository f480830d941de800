package org.haven.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.certmanager.api.model.v1.Issuer;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/** Every Secret a rendered overlay refers to, with the key it reads where there is one. */
final class SecretReferences {

    /** A reference to one Secret; {@code key} is null when the whole Secret is used (TLS, envFrom). */
    record Reference(String secret, String key, String from) {
    }

    static final String PROXY_SSL_SECRET = "nginx.ingress.kubernetes.io/proxy-ssl-secret";

    private SecretReferences() {
    }

    static List<Reference> in(RenderedOverlay overlay) {
        List<Reference> found = new ArrayList<>();
        overlay.podTemplates().forEach((workload, template) -> fromPod(workload, template.getSpec(), found));
        overlay.all(Ingress.class).forEach(ingress -> {
            ingress.getSpec().getTls().forEach(tls ->
                    found.add(new Reference(tls.getSecretName(), null, "Ingress/" + ingress.getMetadata().getName())));
            // ingress-nginx reads the CA that verifies an HTTPS backend from "<namespace>/<secret>", key ca.crt
            Map<String, String> annotations = ingress.getMetadata().getAnnotations() == null ? Map.of() : ingress.getMetadata().getAnnotations();
            String backendTrust = annotations.get(PROXY_SSL_SECRET);
            if (backendTrust != null) {
                found.add(new Reference(backendTrust.substring(backendTrust.indexOf('/') + 1), "ca.crt",
                        "Ingress/" + ingress.getMetadata().getName() + " " + PROXY_SSL_SECRET));
            }
        });
        overlay.all(Issuer.class).stream().filter(issuer -> issuer.getSpec().getCa() != null).forEach(issuer ->
                found.add(new Reference(issuer.getSpec().getCa().getSecretName(), null, "Issuer/" + issuer.getMetadata().getName() + " ca")));
        overlay.custom("Cluster").forEach(cluster -> fromPostgres(cluster, found));
        overlay.custom("Keycloak").forEach(keycloak -> fromKeycloak(keycloak, found));
        overlay.custom("KeycloakRealmImport").forEach(realm -> fromRealmImport(realm, found));
        return found;
    }

    private static void fromPod(String workload, PodSpec pod, List<Reference> found) {
        pod.getContainers().forEach(container -> {
            String from = workload + "/" + container.getName();
            container.getEnv().stream()
                    .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                    .forEach(env -> found.add(new Reference(env.getValueFrom().getSecretKeyRef().getName(),
                            env.getValueFrom().getSecretKeyRef().getKey(), from + " env " + env.getName())));
            container.getEnvFrom().stream()
                    .filter(source -> source.getSecretRef() != null)
                    .forEach(source -> found.add(new Reference(source.getSecretRef().getName(), null, from + " envFrom")));
        });
        pod.getVolumes().stream()
                .filter(volume -> volume.getSecret() != null)
                .forEach(volume -> found.add(new Reference(volume.getSecret().getSecretName(), null, workload + " volume " + volume.getName())));
        pod.getImagePullSecrets().forEach(pull -> found.add(new Reference(pull.getName(), null, workload + " imagePullSecrets")));
    }

    private static void fromPostgres(Map<String, Object> cluster, List<Reference> found) {
        String from = "Cluster/" + Maps.string(cluster, "metadata.name");
        Maps.optionalString(cluster, "spec.bootstrap.initdb.secret.name").ifPresent(secret -> {
            found.add(new Reference(secret, "username", from + " initdb"));
            found.add(new Reference(secret, "password", from + " initdb"));
        });
        Maps.optionalString(cluster, "spec.superuserSecret.name")
                .ifPresent(secret -> found.add(new Reference(secret, null, from + " superuserSecret")));
        for (Map<String, Object> role : Maps.list(cluster, "spec.managed.roles")) {
            Maps.optionalString(role, "passwordSecret.name").ifPresent(secret -> {
                found.add(new Reference(secret, "username", from + " role " + role.get("name")));
                found.add(new Reference(secret, "password", from + " role " + role.get("name")));
            });
        }
    }

    private static void fromKeycloak(Map<String, Object> keycloak, List<Reference> found) {
        String from = "Keycloak/" + Maps.string(keycloak, "metadata.name");
        for (String selector : List.of("spec.db.usernameSecret", "spec.db.passwordSecret")) {
            Maps.optionalMap(keycloak, selector).ifPresent(ref ->
                    found.add(new Reference(String.valueOf(ref.get("name")), String.valueOf(ref.get("key")), from + " " + selector)));
        }
        for (String tls : List.of("spec.http.tlsSecret", "spec.ingress.tlsSecret")) {
            Maps.optionalString(keycloak, tls).ifPresent(secret -> found.add(new Reference(secret, null, from + " " + tls)));
        }
        for (Map<String, Object> option : Maps.list(keycloak, "spec.additionalOptions")) {
            Maps.optionalMap(option, "secret").ifPresent(ref -> found.add(new Reference(String.valueOf(ref.get("name")),
                    String.valueOf(ref.get("key")), from + " option " + option.get("name"))));
        }
    }

    private static void fromRealmImport(Map<String, Object> realmImport, List<Reference> found) {
        String from = "KeycloakRealmImport/" + Maps.string(realmImport, "metadata.name");
        Maps.optionalMap(realmImport, "spec.placeholders").ifPresent(placeholders -> placeholders.forEach((name, value) -> {
            Map<String, Object> secret = Maps.map(Maps.asMap(value), "secret");
            found.add(new Reference(String.valueOf(secret.get("name")), String.valueOf(secret.get("key")), from + " placeholder " + name));
        }));
    }
}
