package org.haven.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;

/**
 * What every pod Haven runs must satisfy: all three probes, CPU and memory requests and limits, a non-root
 * user, a read-only root filesystem with an emptyDir for /tmp, no privilege escalation, no capabilities,
 * no service-account token, and a pinned image. Returns the violations, one line each.
 */
final class PodPolicy {

    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

    private PodPolicy() {
    }

    static List<String> violations(String workload, PodTemplateSpec template) {
        List<String> found = new ArrayList<>();
        PodSpec pod = template.getSpec();
        PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            found.add(workload + ": automountServiceAccountToken is not false");
        }
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
            found.add(workload + ": shares a host namespace");
        }
        if (podSecurity.getSeccompProfile() == null || !"RuntimeDefault".equals(podSecurity.getSeccompProfile().getType())) {
            found.add(workload + ": pod seccompProfile is not RuntimeDefault");
        }
        Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
                .forEach(container -> checkContainer(workload + "/" + container.getName(), container, pod, podSecurity, found));
        pod.getContainers().forEach(container -> checkProbes(workload + "/" + container.getName(), container, found));
        return found;
    }

    static Optional<String> imageProblem(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("has no image");
        }
        if (DIGEST.matcher(image).matches()) {
            return Optional.empty();
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        if (colon < 0) {
            return Optional.of("image " + image + " has no tag (that means latest)");
        }
        String tag = lastSegment.substring(colon + 1);
        if (tag.equalsIgnoreCase("latest") || tag.isBlank()) {
            return Optional.of("image " + image + " uses the tag '" + tag + "'");
        }
        return Optional.empty();
    }

    private static void checkContainer(String name, Container container, PodSpec pod, PodSecurityContext podSecurity, List<String> found) {
        imageProblem(container.getImage()).ifPresent(problem -> found.add(name + ": " + problem));
        checkResources(name, container.getResources(), found);
        SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
        boolean nonRoot = Boolean.TRUE.equals(security.getRunAsNonRoot())
                || (security.getRunAsNonRoot() == null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()));
        if (!nonRoot) {
            found.add(name + ": runAsNonRoot is not true");
        }
        Long user = Optional.ofNullable(security.getRunAsUser()).orElse(podSecurity.getRunAsUser());
        if (user != null && user == 0L) {
            found.add(name + ": runs as user 0");
        }
        if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            found.add(name + ": readOnlyRootFilesystem is not true");
        }
        if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
            found.add(name + ": allowPrivilegeEscalation is not false");
        }
        if (Boolean.TRUE.equals(security.getPrivileged())) {
            found.add(name + ": is privileged");
        }
        var capabilities = security.getCapabilities();
        if (capabilities == null || !capabilities.getDrop().contains("ALL")) {
            found.add(name + ": does not drop ALL capabilities");
        } else if (!capabilities.getAdd().isEmpty()) {
            found.add(name + ": adds capabilities " + capabilities.getAdd());
        }
        boolean tmpOnEmptyDir = container.getVolumeMounts().stream()
                .filter(mount -> "/tmp".equals(mount.getMountPath()))
                .map(mount -> volume(pod, mount.getName()))
                .anyMatch(volume -> volume.isPresent() && volume.get().getEmptyDir() != null);
        if (!tmpOnEmptyDir) {
            found.add(name + ": /tmp is not an emptyDir (the root filesystem is read-only)");
        }
    }

    private static void checkResources(String name, ResourceRequirements resources, List<String> found) {
        Map<String, Quantity> requests = resources == null ? Map.of() : resources.getRequests();
        Map<String, Quantity> limits = resources == null ? Map.of() : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (!requests.containsKey(resource)) {
                found.add(name + ": no " + resource + " request");
            }
            if (!limits.containsKey(resource)) {
                found.add(name + ": no " + resource + " limit");
            }
            if (requests.containsKey(resource) && limits.containsKey(resource)
                    && Quantity.getAmountInBytes(requests.get(resource)).compareTo(Quantity.getAmountInBytes(limits.get(resource))) > 0) {
                found.add(name + ": " + resource + " request above its limit");
            }
        }
    }

    private static void checkProbes(String name, Container container, List<String> found) {
        if (container.getStartupProbe() == null) {
            found.add(name + ": no startupProbe");
        }
        if (container.getReadinessProbe() == null) {
            found.add(name + ": no readinessProbe");
        }
        if (container.getLivenessProbe() == null) {
            found.add(name + ": no livenessProbe");
        }
    }

    private static Optional<Volume> volume(PodSpec pod, String volumeName) {
        return pod.getVolumes().stream().filter(volume -> Objects.equals(volume.getName(), volumeName)).findFirst();
    }
}
