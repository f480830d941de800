package org.haven.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** One overlay as {@code kubectl kustomize} renders it, with the look-ups the checks need. */
record RenderedOverlay(String name, List<HasMetadata> objects) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String objectName) {
        return find(type, objectName).orElseThrow(() -> new AssertionError(
                name + ": no " + type.getSimpleName() + " named " + objectName));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String objectName) {
        return all(type).stream().filter(named(objectName)).findFirst();
    }

    <T extends HasMetadata> T single(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError(name + ": expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    /** CloudNativePG and Keycloak objects, which have no typed model, by kind. */
    List<Map<String, Object>> custom(String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(resource -> kind.equals(resource.getKind()))
                .map(Manifests::asMap)
                .toList();
    }

    Map<String, Object> singleCustom(String kind) {
        List<Map<String, Object>> found = custom(kind);
        if (found.size() != 1) {
            throw new AssertionError(name + ": expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    /** Every workload's pod template, named "Kind/name". */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new TreeMap<>();
        all(Deployment.class).forEach(d -> templates.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> templates.put("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate()));
        all(DaemonSet.class).forEach(d -> templates.put("DaemonSet/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(Job.class).forEach(j -> templates.put("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate()));
        all(CronJob.class).forEach(c -> templates.put("CronJob/" + c.getMetadata().getName(),
                c.getSpec().getJobTemplate().getSpec().getTemplate()));
        return templates;
    }

    Deployment service(String serviceName) {
        return one(Deployment.class, serviceName);
    }

    /**
     * The value a service's container sees for an environment variable: a literal {@code env} entry, else the
     * key in one of its {@code envFrom} ConfigMaps (later sources win, as in Kubernetes).
     */
    Optional<String> environment(String serviceName, String variable) {
        var container = service(serviceName).getSpec().getTemplate().getSpec().getContainers().get(0);
        Optional<String> literal = container.getEnv().stream()
                .filter(env -> env.getName().equals(variable) && env.getValueFrom() == null)
                .map(EnvVar::getValue)
                .findFirst();
        if (literal.isPresent()) {
            return literal;
        }
        Optional<String> value = Optional.empty();
        for (var source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap configMap = one(ConfigMap.class, source.getConfigMapRef().getName());
                if (configMap.getData() != null && configMap.getData().containsKey(variable)) {
                    value = Optional.of(configMap.getData().get(variable));
                }
            }
        }
        return value;
    }

    /** Every variable a service's container gets: its env entries and the keys of its envFrom ConfigMaps. */
    Set<String> environmentNames(String serviceName) {
        var container = service(serviceName).getSpec().getTemplate().getSpec().getContainers().get(0);
        Set<String> names = new TreeSet<>();
        container.getEnv().forEach(env -> names.add(env.getName()));
        container.getEnvFrom().stream()
                .filter(source -> source.getConfigMapRef() != null)
                .map(source -> one(ConfigMap.class, source.getConfigMapRef().getName()))
                .forEach(configMap -> names.addAll(configMap.getData().keySet()));
        return names;
    }

    String requiredEnvironment(String serviceName, String variable) {
        return environment(serviceName, variable).orElseThrow(() -> new AssertionError(
                name + ": " + serviceName + " gets no " + variable));
    }

    private static Predicate<HasMetadata> named(String objectName) {
        return object -> objectName.equals(object.getMetadata().getName());
    }
}
