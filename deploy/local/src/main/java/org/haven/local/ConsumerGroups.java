package org.haven.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether a service's consumer group has settled. A service answers its readiness check before its
 * consumers have joined their group, and a restarted or SIGKILLed instance leaves the group rebalancing
 * (for a killed one, until the broker expires it); an event published then is read only once the group
 * is stable again. The platform waits for that, so "ready" means "reads what is published now".
 */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /**
     * Waits until {@code groupId} is stable with every topic it has ever committed offsets on assigned to
     * a member. A group that has committed nothing (a fresh platform, or a service that reads no topic)
     * has nothing to wait for. Returns a description of what it waited for, for the log.
     */
    static String awaitSettled(String bootstrap, String groupId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            Set<String> committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            if (committed.isEmpty()) {
                return "no committed offsets";
            }
            String last = "not described yet";
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(Set.of(groupId)).all()
                        .get(10, TimeUnit.SECONDS).get(groupId);
                Set<String> assigned = group.members().stream()
                        .flatMap(m -> m.assignment().topicPartitions().stream()).map(TopicPartition::topic)
                        .collect(Collectors.toSet());
                if (group.groupState() == GroupState.STABLE && assigned.containsAll(committed)) {
                    return "stable, " + group.members().size() + " members reading " + committed;
                }
                last = group.groupState() + ", " + group.members().size() + " members, assigned " + assigned + " of " + committed;
                Thread.sleep(100);
            }
            throw new IllegalStateException("consumer group " + groupId + " did not settle within "
                    + timeout.toSeconds() + " s: " + last);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not describe consumer group " + groupId, e);
        }
    }
}
