package io.tousu.intake.complaint;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import io.tousu.platform.outbox.OutboxMessage;
import io.tousu.platform.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.tousu.intake.complaint.Submissions.example;
import static io.tousu.intake.complaint.Submissions.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas never relay at once: while another replica's relay holds the relay lock (played
 * here by the test's own connection), this one publishes nothing; once it is free, each row once.
 */
@QuarkusTest
class RelayExclusionTest {
    private static long pending(Set<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("key in ?1", ids));
    }

    @Test
    void aRelayWaitsWhileAnotherReplicaHoldsTheLockAndThenPublishesEachRowOnce() throws Exception {
        LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
        Set<String> ids = new HashSet<>();
        try (Connection otherReplica = DriverManager.getConnection(infra.jdbcUrl("intake"), infra.dbUser(), infra.dbPassword())) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK);
                lock.execute();
            }
            String token = LocalInfra.tokens().forRole("channel");
            for (int i = 0; i < 5; i++) {
                ids.add(post(example("LOCKED-" + UUID.randomUUID()), token).then().statusCode(201).extract().path("id"));
            }
            Thread.sleep(2_000);
            assertThat(pending(ids)).isEqualTo(5);
            otherReplica.commit();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(ids) == 0);
        List<ConsumerRecord<String, String>> published = new KafkaProbe(infra.kafkaBootstrap())
                .await("complaints.received", r -> ids.contains(r.key()), 5, Duration.ofSeconds(20));
        assertThat(published).extracting(ConsumerRecord::key).hasSize(5).containsExactlyInAnyOrderElementsOf(ids);
    }
}
