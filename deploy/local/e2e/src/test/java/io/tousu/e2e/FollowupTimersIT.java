package io.tousu.e2e;

import io.tousu.local.FreePorts;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two followup replicas over one database share the due timers: every progress notice of a
 * backlog is sent exactly once. Then one replica is killed (SIGKILL) while its timers come due,
 * and the notices still go out exactly once, from the survivor and the restarted replica. Prints
 * how fast the clocks were opened and the timers fired.
 */
class FollowupTimersIT {
    private static final String DATABASE = "followup_timers";
    private static final Duration LEAD = Duration.ofSeconds(40);

    private final LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
    private final Path root = Path.of(System.getProperty("tousu.root", "../../.."));
    private final E2eDatabase db = new E2eDatabase(infra, DATABASE);

    @Test
    void twoReplicasFireEveryTimerOnceAndAKilledOneLosesNone() throws Exception {
        infra.createDatabase(DATABASE);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = db.serviceEnv("followup-timers-" + run);
        Path logs = Path.of("target/e2e-logs/timers");
        ServiceProcess a = ServiceProcess.start(root, "followup-service", FreePorts.pick(), env, logs.resolve("a"));
        ServiceProcess b = ServiceProcess.start(root, "followup-service", FreePorts.pick(), env, logs.resolve("b"));
        try (a; b) {
            a.awaitReady(Duration.ofSeconds(90));
            b.awaitReady(Duration.ofSeconds(90));

            // Phase 1: 5,000 complaints whose progress notice and promise fall due together, soon.
            String first = "TA" + run;
            int n = 5000;
            Set<String> firstIds = produce(first, n);
            Instant sent = Instant.now();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count("SELECT count(*) FROM followed_complaint WHERE number LIKE ?", first) == n);
            double opened = n / seconds(sent, Instant.now());
            await().atMost(LEAD.plusSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> fired(first) == 2L * n);
            double firedPerSecond = 2.0 * n / seconds(firstFired(first), lastFired(first));
            assertExactlyOnce(first, firstIds);
            System.out.printf("followup timers: %d complaints' clocks opened at %.0f events/s (from the broker, "
                    + "two replicas); %d due timers fired at %.0f/s%n", n, opened, 2 * n, firedPerSecond);

            // Phase 2: a replica is killed while the timers of another backlog come due.
            String second = "TB" + run;
            Set<String> secondIds = produce(second, 2000);
            await().atMost(LEAD.plusSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> fired(second) > 0);
            a.kill();
            try (ServiceProcess again = ServiceProcess.start(root, "followup-service", FreePorts.pick(), env,
                    logs.resolve("a2"))) {
                again.awaitReady(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                        .until(() -> fired(second) == 2L * 2000);
                Thread.sleep(2000); // a timer fired twice would show up now
                assertExactlyOnce(second, secondIds);
            }
        }
    }

    /**
     * Complaints received 24 hours less {@link #LEAD} ago: their progress notice and promise (24 h)
     * fall due {@link #LEAD} from now, after the replicas have opened every clock.
     */
    private Set<String> produce(String prefix, int n) {
        Set<String> ids = new HashSet<>();
        Instant received = Instant.now().minus(Duration.ofHours(24)).plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                String event = """
                        {"complaintId":"%s","number":"%s%06d","channel":"HOTLINE","type":"COMPLAINT",
                         "receivedAt":"%s","promisedReplyBy":"%s",
                         "customer":{"phone":"139%08d","preferredContact":"SMS"},"resolvedOnFirstContact":false}"""
                        .formatted(id, prefix, i, received, received.plus(Duration.ofHours(24)), i);
                ProducerRecord<String, String> record = new ProducerRecord<>("complaints.received", id, event);
                record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                        .add("ce_type", "ComplaintReceived.v1".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        return ids;
    }

    /** Progress notices and promise breaches of the backlog: two per complaint once all are due. */
    private long fired(String prefix) throws SQLException {
        return count("""
                SELECT count(*) FROM sla_clock c JOIN followed_complaint f ON f.complaint_id = c.complaint_id
                WHERE f.number LIKE ? AND c.kind IN ('PROGRESS_NOTICE', 'PROMISE') AND c.fired_at IS NOT NULL""", prefix);
    }

    private void assertExactlyOnce(String prefix, Set<String> ids) throws SQLException {
        int n = ids.size();
        // One notice task per complaint, and on the broker one ProgressNotified each.
        assertThat(count("""
                SELECT count(*) FROM notification_task t JOIN followed_complaint f ON f.complaint_id = t.complaint_id
                WHERE f.number LIKE ? AND t.purpose = 'PROGRESS_NOTICE'""", prefix)).isEqualTo(n);
        assertThat(count("""
                SELECT count(DISTINCT t.complaint_id) FROM notification_task t
                JOIN followed_complaint f ON f.complaint_id = t.complaint_id
                WHERE f.number LIKE ? AND t.purpose = 'PROGRESS_NOTICE'""", prefix)).isEqualTo(n);
        List<ConsumerRecord<String, String>> notices = new KafkaProbe(infra.kafkaBootstrap()).await(
                "complaints.followup", r -> ids.contains(r.key())
                        && "ProgressNotified.v1".equals(KafkaProbe.header(r, "ce_type")), n, Duration.ofSeconds(120));
        // One event per complaint. The outbox relay publishes at least once: one killed between sending
        // a batch and deleting its rows sends them again under the same event ids (which consumers'
        // inboxes drop), so the broker may hold a record twice, but never a second event: a timer
        // fired twice would be a second event id for its complaint.
        Map<String, String> eventOfComplaint = new HashMap<>();
        for (ConsumerRecord<String, String> notice : notices) {
            String eventId = KafkaProbe.header(notice, "ce_id");
            assertThat(eventOfComplaint.putIfAbsent(notice.key(), eventId)).as("event of " + notice.key())
                    .isIn(null, eventId);
        }
        assertThat(eventOfComplaint).hasSize(n);
        assertThat(count("SELECT count(*) FROM due_timer t JOIN followed_complaint f ON f.complaint_id = t.complaint_id "
                + "WHERE f.number LIKE ? AND t.due_at < now()", prefix)).isZero();
    }

    private Instant firstFired(String prefix) throws SQLException {
        return instant("SELECT min(c.fired_at) FROM sla_clock c JOIN followed_complaint f ON f.complaint_id = c.complaint_id "
                + "WHERE f.number LIKE ? AND c.kind IN ('PROGRESS_NOTICE', 'PROMISE')", prefix);
    }

    private Instant lastFired(String prefix) throws SQLException {
        return instant("SELECT max(c.fired_at) FROM sla_clock c JOIN followed_complaint f ON f.complaint_id = c.complaint_id "
                + "WHERE f.number LIKE ? AND c.kind IN ('PROGRESS_NOTICE', 'PROMISE')", prefix);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }

    private long count(String sql, String prefix) throws SQLException {
        return db.count(sql, prefix + "%");
    }

    private Instant instant(String sql, String prefix) throws SQLException {
        return db.single(sql, prefix + "%", OffsetDateTime.class).toInstant();
    }
}
