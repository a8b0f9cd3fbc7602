package io.tousu.e2e;

import io.tousu.local.FreePorts;
import io.tousu.local.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two routing replicas share the complaints' partitions. When one dies (SIGKILL: no goodbye to
 * the group), its partitions must move to the survivor within 10 s, not stand still until Kafka's
 * default 45 s session runs out; when one stops cleanly they move at once. Measured as the time
 * from the kill (or stop) until a complaint put on every partition has its work order.
 */
class RoutingFailoverIT {
    private static final String DATABASE = "routing_failover";

    private final LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
    private final Path root = Path.of(System.getProperty("tousu.root", "../../.."));
    private final E2eDatabase db = new E2eDatabase(infra, DATABASE);

    @Test
    void aKilledReplicasPartitionsMoveToTheSurvivorWithinTenSeconds() throws Exception {
        infra.createDatabase(DATABASE);
        String group = "routing-failover-" + UUID.randomUUID();
        Map<String, String> env = db.serviceEnv(group);
        Path logs = Path.of("target/e2e-logs/failover");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()));
             ReceivedEvents events = new ReceivedEvents(infra.kafkaBootstrap());
             ServiceProcess survivor = ServiceProcess.start(root, "routing-service", FreePorts.pick(), env, logs.resolve("a"));
             ServiceProcess victim = ServiceProcess.start(root, "routing-service", FreePorts.pick(), env, logs.resolve("b"))) {
            survivor.awaitReady(Duration.ofSeconds(90));
            victim.awaitReady(Duration.ofSeconds(90));
            awaitBothReplicasOwnComplaints(admin, group);

            victim.kill();
            Duration afterKill = timeToRouteOnEveryPartition(events, "failover-kill", 0);
            System.out.printf("routing failover: a complaint on every partition routed %d ms after SIGKILL of one of two replicas%n",
                    afterKill.toMillis());
            assertThat(afterKill).as("from SIGKILL to work orders on the dead replica's partitions")
                    .isLessThan(Duration.ofSeconds(10));

            try (ServiceProcess second = ServiceProcess.start(root, "routing-service", FreePorts.pick(), env,
                    logs.resolve("c"))) {
                second.awaitReady(Duration.ofSeconds(90));
                awaitBothReplicasOwnComplaints(admin, group);
                second.close();
                Duration afterStop = timeToRouteOnEveryPartition(events, "failover-stop", 100);
                System.out.printf("routing failover: a complaint on every partition routed %d ms after one of two replicas stopped cleanly%n",
                        afterStop.toMillis());
                assertThat(afterStop).as("a clean stop leaves the group at once").isLessThan(Duration.ofSeconds(5));
            }
        }
    }

    /** Both replicas' complaint consumers hold partitions of {@code complaints.received}, in a settled group. */
    private static void awaitBothReplicasOwnComplaints(Admin admin, String group) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get();
            long owners = g.members().stream().filter(m -> m.assignment().topicPartitions().stream()
                    .anyMatch(tp -> tp.topic().equals(ReceivedEvents.TOPIC))).count();
            return g.groupState() == GroupState.STABLE && owners == 2;
        });
    }

    /** Puts one complaint on each partition now and waits for all their work orders: the time from now until then. */
    private Duration timeToRouteOnEveryPartition(ReceivedEvents events, String subject, int first) {
        Instant from = Instant.now();
        int partitions = events.partitions();
        for (int p = 0; p < partitions; p++) {
            events.send(first + p, subject, p);
        }
        events.flush();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> db.count("SELECT count(*) FROM work_order WHERE subject = ?", subject) == partitions);
        return Duration.between(from, Instant.now());
    }
}
