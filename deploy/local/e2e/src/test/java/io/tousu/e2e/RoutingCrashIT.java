package io.tousu.e2e;

import io.tousu.local.FreePorts;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Routing is killed (SIGKILL) in the middle of dispatching a backlog and started again: every
 * complaint still ends up with exactly one work order. Batches commit whole or not at all and
 * the inbox recognises the batches that had committed before their offsets were.
 */
class RoutingCrashIT {
    private static final int BACKLOG = 3000;
    private static final String DATABASE = "routing_crash";

    @Test
    void aBacklogDispatchedAcrossACrashGivesEveryComplaintExactlyOneWorkOrder() throws Exception {
        LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
        infra.createDatabase(DATABASE);
        String batch = UUID.randomUUID().toString();
        produceBacklog(infra.kafkaBootstrap(), batch);

        Path root = Path.of(System.getProperty("tousu.root", "../../.."));
        E2eDatabase db = new E2eDatabase(infra, DATABASE);
        Map<String, String> env = db.serviceEnv("routing-crash-" + batch);
        Path logs = Path.of("target/e2e-logs/crash");

        ServiceProcess first = ServiceProcess.start(root, "routing-service", FreePorts.pick(), env, logs.resolve("1"));
        first.awaitReady(Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> db.count("SELECT count(*) FROM work_order WHERE subject = ?", batch) >= 300);
        first.kill();
        long beforeRestart = db.count("SELECT count(*) FROM work_order WHERE subject = ?", batch);
        assertThat(beforeRestart).as("killed mid-backlog").isLessThan(BACKLOG);

        try (ServiceProcess second = ServiceProcess.start(root, "routing-service", FreePorts.pick(), env,
                logs.resolve("2"))) {
            second.awaitReady(Duration.ofSeconds(90));
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> db.count("SELECT count(DISTINCT complaint_id) FROM work_order WHERE subject = ?",
                            batch) == BACKLOG);
            Thread.sleep(2000); // anything still in flight would show up as a second order
            assertThat(db.count("SELECT count(*) FROM work_order WHERE subject = ?", batch)).isEqualTo(BACKLOG);
        }
    }

    private static void produceBacklog(String bootstrap, String batch) {
        try (ReceivedEvents events = new ReceivedEvents(bootstrap)) {
            for (int i = 0; i < BACKLOG; i++) {
                events.send(i, batch, null);
            }
            events.flush();
        }
    }
}
