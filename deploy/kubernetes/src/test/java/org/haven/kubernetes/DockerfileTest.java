package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** deploy/docker/Dockerfile builds the image the manifests expect: fast-jar, pinned JRE 17, user 185, port 8080. */
class DockerfileTest {

    private final String dockerfile = Repository.read(Repository.deploy().resolve("docker/Dockerfile"));

    @Test
    void startsFromAPinnedJava17RuntimeImage() {
        Matcher base = Pattern.compile("(?m)^ARG JRE_IMAGE=(\\S+)$").matcher(dockerfile);

        assertThat(base.find()).isTrue();
        assertThat(PodPolicy.imageProblem(base.group(1))).isEmpty();
        assertThat(base.group(1)).contains(":17");
        assertThat(dockerfile).containsPattern("(?m)^FROM \\$\\{JRE_IMAGE}$");
    }

    @Test
    void copiesTheWholeFastJarAndRunsItAsTheNonRootUserTheManifestsUse() {
        for (String part : List.of("lib/", "quarkus-run.jar", "app/", "quarkus/")) {
            assertThat(dockerfile).containsPattern("(?m)^COPY " + Pattern.quote(part) + " ");
        }
        assertThat(dockerfile).containsPattern("(?m)^USER 185$");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE 8080$");
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-jar\", \"/deployments/quarkus-run.jar\"]");
        assertThat(Overlays.get("prod").service("incident-service").getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                .isEqualTo(185L);
    }
}
