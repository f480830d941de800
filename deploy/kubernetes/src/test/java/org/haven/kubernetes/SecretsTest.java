package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Secret;

class SecretsTest {

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void noOverlayCarriesASecretValue(String name) {
        List<Secret> withValues = Overlays.get(name).all(Secret.class).stream()
                .filter(secret -> !secret.getData().isEmpty() || !secret.getStringData().isEmpty())
                .toList();

        assertThat(withValues).isEmpty();
    }

    @Test
    void noFileInDeployDefinesASecretWithValues() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Repository.deploy())) {
            for (Path file : files.filter(SecretsTest::isManifest).toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().startsWith("kustomization") && text.contains("secretGenerator")) {
                    offenders.add(file + ": secretGenerator");
                }
                for (JsonNode document : Manifests.documents(text)) {
                    if ("Secret".equals(document.path("kind").asText())
                            && (document.has("data") || document.has("stringData"))) {
                        offenders.add(file + ": Secret " + document.path("metadata").path("name").asText());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everySecretReferenceNamesASecretTheReadmeTellsAdminsToCreateOrAnOperatorWrites(String name) {
        Map<String, Set<String>> available = new HashMap<>();
        DocumentedSecrets.inReadme().forEach((secret, documented) -> available.put(secret, documented.keys()));
        Map<String, Set<String>> written = OperatorSecrets.in(Overlays.get(name));
        assertThat(available.keySet()).as("Secrets both the README and an operator create").doesNotContainAnyElementsOf(written.keySet());
        available.putAll(written);
        List<SecretReferences.Reference> references = SecretReferences.in(Overlays.get(name));
        List<String> undocumented = new ArrayList<>();

        for (SecretReferences.Reference reference : references) {
            Set<String> keys = available.get(reference.secret());
            if (keys == null) {
                undocumented.add(reference.from() + " -> Secret " + reference.secret());
            } else if (reference.key() != null && !keys.contains(reference.key())) {
                undocumented.add(reference.from() + " -> key " + reference.key() + " of Secret " + reference.secret());
            }
        }
        assertThat(references).isNotEmpty();
        assertThat(undocumented).as("references deploy/README.md does not tell admins to create and no operator writes").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void eachDatabaseSecretNamesTheRolePostgresCreatesWithIt(String name) {
        Map<String, DocumentedSecrets.Secret> documented = DocumentedSecrets.inReadme();
        List<Map<String, Object>> roles = Maps.list(Overlays.get(name).singleCustom("Cluster"), "spec.managed.roles");

        assertThat(roles).isNotEmpty();
        for (Map<String, Object> role : roles) {
            String secret = Maps.string(role, "passwordSecret.name");
            assertThat(documented).containsKey(secret);
            assertThat(documented.get(secret).fixedValues())
                    .as("README's command for %s", secret)
                    .containsEntry("username", String.valueOf(role.get("name")));
        }
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml"))
                && !file.toString().contains("/target/") && !file.toString().contains("/src/test/");
    }
}
