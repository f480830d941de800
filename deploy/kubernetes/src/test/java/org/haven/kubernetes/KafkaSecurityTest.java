package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.haven.events.HavenEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;

/**
 * Kafka is reachable only over TLS with a login, and each service's login may do exactly what its code needs: what
 * its {@code application.properties} channels read and dead-letter, and the topic its outbox publishes (the topic
 * {@link HavenEvents#TOPIC_OWNERS} gives its {@code haven.source}). The expectation is derived, never copied, so a
 * new channel without its ACL, or an ACL no channel uses, fails here.
 */
class KafkaSecurityTest {

    /** One permission as Kafka's authorizer sees it: "topic:incident.events:Write". */
    private static String permission(String resourceType, String name, String operation) {
        return resourceType + ":" + name + ":" + operation;
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyListenerEncryptsAndAuthenticatesAndTheBrokersAuthorizeEveryRequest(String name) {
        Kafka kafka = Overlays.get(name).single(Kafka.class);

        assertThat(kafka.getSpec().getKafka().getListeners()).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.isTls()).as(listener.getName() + " uses TLS").isTrue();
            assertThat(listener.getAuth()).as(listener.getName() + " authenticates clients").isNotNull();
        });
        assertThat(kafka.getSpec().getKafka().getAuthorization()).isInstanceOfSatisfying(KafkaAuthorizationSimple.class,
                simple -> assertThat(simple.getSuperUsers()).as("super users besides Strimzi's own").isNullOrEmpty());
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void servicesSpeakSaslSslToTheScramListener(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        GenericKafkaListener listener = serviceListener(overlay);

        assertThat(listener.getAuth()).isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
        for (String service : Repository.SERVICES) {
            assertThat(overlay.requiredEnvironment(service, "KAFKA_BOOTSTRAP_SERVERS")).as(service)
                    .isEqualTo(overlay.single(Kafka.class).getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort());
            assertThat(overlay.requiredEnvironment(service, "KAFKA_SECURITY_PROTOCOL")).as(service).isEqualTo("SASL_SSL");
            assertThat(overlay.requiredEnvironment(service, "KAFKA_SASL_MECHANISM")).as(service).isEqualTo("SCRAM-SHA-512");
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void eachServiceLogsInAsItsOwnKafkaUserAndTrustsTheClusterCa(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        String cluster = overlay.single(Kafka.class).getMetadata().getName();

        for (String service : Repository.SERVICES) {
            KafkaUser user = overlay.one(KafkaUser.class, service);
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);

            SecretKeySelector login = secretOf(overlay, service, "KAFKA_SASL_JAAS_CONFIG");
            assertThat(login.getName()).as(service + ": the Secret Strimzi writes for its KafkaUser").isEqualTo(service);
            assertThat(login.getKey()).isEqualTo("sasl.jaas.config");
            SecretKeySelector trust = secretOf(overlay, service, "KAFKA_SSL_TRUSTSTORE_CERTIFICATES");
            assertThat(trust.getName()).isEqualTo(cluster + "-cluster-ca-cert");
            assertThat(trust.getKey()).isEqualTo("ca.crt");
        }
        assertThat(overlay.all(KafkaUser.class)).extracting(user -> user.getMetadata().getName())
                .as("Kafka users other than the services'").containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void eachServicesAclsAreExactlyWhatItsChannelsAndOutboxNeed(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Map<String, ServiceProperties.Expectations> services = ServiceProperties.ofServices();

        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
        services.forEach((service, expected) -> assertThat(granted(overlay.one(KafkaUser.class, service)))
                .as(service + "'s ACLs").containsExactlyInAnyOrderElementsOf(needed(expected)));
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void onlyItsOwnerMayWriteAnEventTopic(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Map<String, String> sources = ServiceProperties.ofServices().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().source()));

        HavenEvents.TOPIC_OWNERS.forEach((topic, owner) -> {
            Set<String> writers = overlay.all(KafkaUser.class).stream()
                    .filter(user -> granted(user).contains(permission("topic", topic, "Write")))
                    .map(user -> user.getMetadata().getName())
                    .collect(Collectors.toSet());
            assertThat(writers).as("who may write " + topic).singleElement()
                    .satisfies(writer -> assertThat(sources.get(writer)).isEqualTo(owner));
        });
    }

    @Test
    void eachServicePublishesUnderTheSourceThatOwnsATopic() {
        ServiceProperties.ofServices().forEach((service, expected) ->
                assertThat(HavenEvents.TOPIC_OWNERS).as(service + "'s haven.source").containsValue(expected.source()));
    }

    @Test
    void theAclDerivationGrantsAConsumerReadAndItsDeadLettersWriteAndNothingMore() {
        var expected = new ServiceProperties.Expectations(Set.of("incident.events"), Set.of("incident.events", "incident.events.dlq"),
                Set.of(), Set.of(), Set.of("incident.events.dlq"), Set.of("debrief-service"), "/debrief-service");

        assertThat(needed(expected)).containsExactlyInAnyOrder(
                "topic:debrief.events:Write", "topic:debrief.events:Describe",
                "topic:incident.events:Read", "topic:incident.events:Describe",
                "topic:incident.events.dlq:Write", "topic:incident.events.dlq:Describe",
                "group:debrief-service:Read");
    }

    /** What a service's code needs: read its topics as its groups, write its channels' topics and its own topic. */
    private static Set<String> needed(ServiceProperties.Expectations service) {
        Set<String> needed = new TreeSet<>();
        Set<String> written = new TreeSet<>(service.channelWrittenTopics());
        HavenEvents.TOPIC_OWNERS.forEach((topic, owner) -> {
            if (owner.equals(service.source())) {
                written.add(topic);
            }
        });
        service.consumedTopics().forEach(topic -> {
            needed.add(permission("topic", topic, "Read"));
            needed.add(permission("topic", topic, "Describe"));
        });
        written.forEach(topic -> {
            needed.add(permission("topic", topic, "Write"));
            needed.add(permission("topic", topic, "Describe"));
        });
        service.consumerGroups().forEach(group -> needed.add(permission("group", group, "Read")));
        return needed;
    }

    /** The user's ACLs, each operation on its own; only literal, allowing, any-host topic and group rules pass. */
    private static Set<String> granted(KafkaUser user) {
        String who = user.getMetadata().getName();
        assertThat(user.getSpec().getAuthorization()).as(who).isInstanceOf(KafkaUserAuthorizationSimple.class);
        Set<String> granted = new TreeSet<>();
        for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
            assertThat(rule.getType()).as(who + ": deny rules are not how Haven limits a user").isIn(null, AclRuleType.ALLOW);
            assertThat(rule.getHost()).as(who).isIn(null, "*");
            String type;
            String resource;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                assertThat(topic.getPatternType()).as(who + ": " + topic.getName()).isIn(null, AclResourcePatternType.LITERAL);
                type = "topic";
                resource = topic.getName();
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                assertThat(group.getPatternType()).as(who + ": " + group.getName()).isIn(null, AclResourcePatternType.LITERAL);
                type = "group";
                resource = group.getName();
            } else {
                throw new AssertionError(who + ": an ACL on a " + rule.getResource().getType() + ", which no service needs");
            }
            rule.getOperations().forEach(operation -> granted.add(permission(type, resource, operation.toValue())));
            if (rule.getOperation() != null) {
                granted.add(permission(type, resource, rule.getOperation().toValue()));
            }
        }
        return granted;
    }

    private static GenericKafkaListener serviceListener(RenderedOverlay overlay) {
        String bootstrap = overlay.requiredEnvironment(Repository.SERVICES.get(0), "KAFKA_BOOTSTRAP_SERVERS");
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        return overlay.single(Kafka.class).getSpec().getKafka().getListeners().stream()
                .filter(listener -> listener.getPort() == port)
                .findFirst().orElseThrow(() -> new AssertionError("no Kafka listener on port " + port));
    }

    private static SecretKeySelector secretOf(RenderedOverlay overlay, String service, String variable) {
        return overlay.service(service).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(env -> env.getName().equals(variable))
                .map(EnvVar::getValueFrom)
                .filter(from -> from != null && from.getSecretKeyRef() != null)
                .map(from -> from.getSecretKeyRef())
                .findFirst().orElseThrow(() -> new AssertionError(service + ": " + variable + " does not come from a Secret"));
    }
}
