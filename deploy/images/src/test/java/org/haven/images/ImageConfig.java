package org.haven.images;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an OCI/Docker image's {@code config.json} tells a container runtime: how to start and as whom. */
record ImageConfig(List<String> entrypoint, List<String> cmd, String user, String workingDir, Set<String> exposedPorts,
                   Map<String, String> env) {

    /** The command a runtime runs: entrypoint followed by cmd. */
    List<String> command() {
        return java.util.stream.Stream.concat(entrypoint.stream(), cmd.stream()).toList();
    }
}
