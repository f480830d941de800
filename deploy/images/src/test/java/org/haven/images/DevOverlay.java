package org.haven.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The dev overlay exactly as an admin renders it ({@code kubectl kustomize deploy/kubernetes/overlays/dev}), reduced
 * to what starting a service's image needs. Secrets are not in git, so their values come from the caller.
 */
final class DevOverlay {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Map<String, Deployment> deployments = new HashMap<>();
    private final Map<String, ConfigMap> configMaps = new HashMap<>();

    private DevOverlay() {
    }

    static DevOverlay render(Path repositoryRoot) {
        DevOverlay overlay = new DevOverlay();
        String yaml = kustomize(repositoryRoot.resolve("deploy/kubernetes/overlays/dev"));
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                String kind = document.path("kind").asText();
                String name = document.path("metadata").path("name").asText();
                if (kind.equals("Deployment")) {
                    overlay.deployments.put(name, SERIALIZATION.convertValue(document, Deployment.class));
                } else if (kind.equals("ConfigMap")) {
                    overlay.configMaps.put(name, SERIALIZATION.convertValue(document, ConfigMap.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return overlay;
    }

    /** The service's container as its Deployment runs it; {@code secrets} answers (secret name, key) with a value. */
    ContainerSpec container(String service, BiFunction<String, String, String> secrets) {
        Deployment deployment = Optional.ofNullable(deployments.get(service))
                .orElseThrow(() -> new AssertionError("dev overlay has no Deployment " + service));
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().stream().filter(c -> c.getName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError(service + ": no container named " + service));
        return new ContainerSpec(service, container.getImage(), environment(service, container, secrets),
                runAsUser(pod, container), httpPort(service, container), memoryLimit(service, container),
                Boolean.TRUE.equals(container.getSecurityContext().getReadOnlyRootFilesystem()),
                writableMounts(pod, container));
    }

    /** envFrom sources in order (later ones win), then env entries, which win over all of them: Kubernetes' rule. */
    private Map<String, String> environment(String service, Container container, BiFunction<String, String, String> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() == null || source.getPrefix() != null) {
                throw new AssertionError(service + ": envFrom other than a plain configMapRef is not emulated: " + source);
            }
            env.putAll(configMap(source.getConfigMapRef().getName()).getData());
        }
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), value(service, variable, secrets));
        }
        env.forEach((name, value) -> {
            if (value.contains("$(")) {
                throw new AssertionError(service + ": " + name + " uses $(VAR) expansion, which this emulation does not do");
            }
        });
        return env;
    }

    private String value(String service, EnvVar variable, BiFunction<String, String, String> secrets) {
        if (variable.getValueFrom() == null) {
            return variable.getValue() == null ? "" : variable.getValue();
        }
        var from = variable.getValueFrom();
        if (from.getSecretKeyRef() != null) {
            String value = secrets.apply(from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey());
            if (value == null) {
                throw new AssertionError(service + ": no test value for secret " + from.getSecretKeyRef().getName()
                        + "/" + from.getSecretKeyRef().getKey() + " (" + variable.getName() + ")");
            }
            return value;
        }
        if (from.getConfigMapKeyRef() != null) {
            String value = configMap(from.getConfigMapKeyRef().getName()).getData().get(from.getConfigMapKeyRef().getKey());
            if (value == null) {
                throw new AssertionError(service + ": ConfigMap key " + from.getConfigMapKeyRef() + " does not exist");
            }
            return value;
        }
        throw new AssertionError(service + ": " + variable.getName() + " comes from " + from + ", which is not emulated");
    }

    private ConfigMap configMap(String name) {
        return Optional.ofNullable(configMaps.get(name))
                .orElseThrow(() -> new AssertionError("dev overlay has no ConfigMap " + name));
    }

    private static long runAsUser(PodSpec pod, Container container) {
        Long user = container.getSecurityContext() != null && container.getSecurityContext().getRunAsUser() != null
                ? container.getSecurityContext().getRunAsUser()
                : pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsUser();
        if (user == null) {
            throw new AssertionError(container.getName() + ": no runAsUser");
        }
        return user;
    }

    private static int httpPort(String service, Container container) {
        return container.getPorts().stream().filter(port -> "http".equals(port.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(service + ": no container port named http"))
                .getContainerPort();
    }

    private static long memoryLimit(String service, Container container) {
        Quantity limit = container.getResources().getLimits().get("memory");
        if (limit == null) {
            throw new AssertionError(service + ": no memory limit");
        }
        return Quantity.getAmountInBytes(limit).longValueExact();
    }

    /** Mount paths of the container's emptyDir volumes: the only places a read-only root lets it write. */
    private static List<String> writableMounts(PodSpec pod, Container container) {
        List<String> emptyDirs = pod.getVolumes().stream().filter(volume -> volume.getEmptyDir() != null).map(Volume::getName).toList();
        return container.getVolumeMounts().stream()
                .filter(mount -> emptyDirs.contains(mount.getName()) && !Boolean.TRUE.equals(mount.getReadOnly()))
                .map(mount -> mount.getMountPath())
                .toList();
    }

    private static String kustomize(Path directory) {
        Path kubectl = Stream.concat(Optional.ofNullable(System.getenv("KUBECTL")).map(Path::of).stream(),
                        Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                                .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry, "kubectl")))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("kubectl not found ($KUBECTL or PATH): the images are started "
                        + "with the environment 'kubectl kustomize' renders, and this check never skips"));
        try {
            Path output = Files.createTempFile("kustomize-dev-", ".yaml");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                        .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + directory + " failed");
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + directory, e);
        }
    }
}
