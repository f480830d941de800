package org.haven.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;

/**
 * The Secrets an operator writes for a rendered resource, with their keys, so that an admin need not (and must not)
 * create them: Strimzi's cluster CA certificate for each Kafka, the credentials of each SCRAM KafkaUser, and the
 * Secret of each cert-manager Certificate (Haven's own CA, Keycloak's HTTPS certificate).
 */
final class OperatorSecrets {

    private OperatorSecrets() {
    }

    static Map<String, Set<String>> in(RenderedOverlay overlay) {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (Kafka kafka : overlay.all(Kafka.class)) {
            secrets.put(kafka.getMetadata().getName() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        for (KafkaUser user : overlay.all(KafkaUser.class)) {
            if (user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication) {
                secrets.put(user.getMetadata().getName(), Set.of("password", "sasl.jaas.config"));
            }
        }
        secrets.putAll(InternalCa.secretsWritten(overlay));
        return secrets;
    }
}
