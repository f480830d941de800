package org.haven.images;

import java.util.List;
import java.util.Map;

/**
 * How a rendered Deployment runs its service's container: the environment it ends up with (ConfigMaps and Secrets
 * resolved), the user, the port, the memory limit and the filesystem it may write to.
 */
record ContainerSpec(String service, String image, Map<String, String> env, long runAsUser, int httpPort,
                     long memoryLimitBytes, boolean readOnlyRootFilesystem, List<String> writableMounts) {
}
