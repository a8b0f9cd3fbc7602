package io.tousu.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.opentelemetry.api.trace.SpanKind;
import io.tousu.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Relays outbox rows to Kafka in id order, in batches, with the idempotent producer. A row is
 * deleted only after the broker acknowledged it ({@code acks=all}); if the broker is away the
 * transaction rolls back and the rows wait. One replica relays at a time (a
 * transaction-scoped advisory lock), which also keeps each complaint's events in order.
 * A crash between send and delete re-sends a batch: consumers drop the duplicates by event id.
 * The relay runs on its own thread, woken right after a transaction that wrote outbox rows
 * commits, and polls as a fallback (rows of other replicas, rows left by a broker outage).
 */
@ApplicationScoped
// A service that publishes nothing (reporting) sets tousu.outbox.relay.enabled=false at build time.
@IfBuildProperty(name = "tousu.outbox.relay.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory-lock key of the relay ("outbox"); each service has its own database. */
    public static final long RELAY_LOCK = 0x6f7574626f78L;

    private final EntityManager em;
    private final Traces traces;
    private final OutboxProducerFactory producers;
    private final OutboxSignal signal;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration linger;
    private final Counter published;
    private volatile Producer<String, String> producer;
    private volatile boolean failing;
    private volatile boolean running;
    private Thread loop;
    private final AtomicLong pendingRows = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private Instant lagMeasuredAt = Instant.EPOCH;

    public OutboxRelay(EntityManager em, OutboxProducerFactory producers, OutboxSignal signal, MeterRegistry registry,
                       OutboxConfig config, Traces traces) {
        this.em = em;
        this.traces = traces;
        this.producers = producers;
        this.signal = signal;
        this.batchSize = config.batchSize();
        this.pollInterval = config.pollInterval();
        this.linger = config.linger();
        this.published = Counter.builder("outbox_published_total")
                .description("Outbox events acknowledged by Kafka").register(registry);
        Gauge.builder("outbox_pending_rows", pendingRows, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("outbox_oldest_pending_age_seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest outbox event still waiting").register(registry);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        loop = new Thread(this::run, "outbox-relay");
        loop.setDaemon(true);
        loop.start();
    }

    /** Stops before the ORM does, so no batch is cut off by a closing EntityManagerFactory. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (loop != null) {
            loop.interrupt();
            loop.join(10_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void run() {
        while (running) {
            relayPending();
            measureLag();
            try {
                signal.await(failing ? pollInterval.multipliedBy(10) : pollInterval, linger);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void relayPending() {
        try {
            Batch batch;
            do {
                long start = System.nanoTime();
                batch = QuarkusTransaction.requiringNew().call(this::relayBatch);
                if (batch.failure() != null) {
                    throw batch.failure();
                }
                LOG.debugf("outbox: relayed %d in %d ms", batch.sent(), (System.nanoTime() - start) / 1_000_000);
            } while (batch.sent() == batchSize);
            if (failing) {
                LOG.info("outbox relay: the broker takes events again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("outbox relay: events wait in the outbox, publishing failed: %s", rootMessage(e));
                failing = true;
            }
            resetProducer();
        }
    }

    /** What one batch did: rows sent and acknowledged, and the first failure if some were not. */
    private record Batch(int sent, RuntimeException failure) {
    }

    /**
     * At most every 5 s: Prometheus scrapes every 15–30 s, and counting a busy outbox (the rows
     * deleted since the last vacuum included) costs tens of milliseconds.
     */
    private void measureLag() {
        Instant now = Instant.now();
        if (now.isBefore(lagMeasuredAt.plusSeconds(5))) {
            return;
        }
        lagMeasuredAt = now;
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0) FROM outbox_message").getSingleResult());
            pendingRows.set(((Number) row[0]).longValue());
            oldestPendingSeconds.set(((Number) row[1]).longValue());
        } catch (RuntimeException e) {
            LOG.debugf("outbox lag not measured: %s", e.getMessage());
        }
    }

    private Batch relayBatch() {
        Boolean leader = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!leader) {
            return new Batch(0, null);
        }
        List<OutboxMessage> batch = pending();
        if (batch.isEmpty()) {
            return new Batch(0, null);
        }
        Producer<String, String> kafka = producer();
        // send() does not fail when the broker is away: it waits max.block.ms per record. Asking
        // for each topic's partitions first makes an outage fail the batch at once.
        batch.stream().map(m -> m.topic).distinct().forEach(kafka::partitionsFor);
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            acks.add(send(kafka, message));
        }
        kafka.flush();
        List<Long> delivered = new ArrayList<>(batch.size());
        RuntimeException failure = null;
        for (int i = 0; i < batch.size(); i++) {
            try {
                await(acks.get(i));
                delivered.add(batch.get(i).id);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        // Rows the broker acknowledged go even if others failed, so that only those are sent again.
        if (!delivered.isEmpty()) {
            em.createNativeQuery("DELETE FROM outbox_message WHERE id = ANY(?1)")
                    .setParameter(1, delivered.toArray(Long[]::new))
                    .executeUpdate();
            published.increment(delivered.size());
        }
        return new Batch(delivered.size(), failure);
    }

    /**
     * A traced event is sent in a span of its own under the span that wrote it; the record's
     * traceparent header names this span, so that its consumers continue the same trace.
     */
    private Future<RecordMetadata> send(Producer<String, String> kafka, OutboxMessage message) {
        if (message.traceparent == null) {
            return kafka.send(OutboxRecords.toRecord(message, producers.source(), null));
        }
        return traces.call("publish " + message.topic, SpanKind.PRODUCER, message.traceparent,
                Map.of("messaging.system", "kafka", "messaging.destination.name", message.topic,
                        "messaging.message.id", message.eventId.toString()),
                () -> kafka.send(OutboxRecords.toRecord(message, producers.source(), Traces.current())));
    }

    /**
     * The oldest pending rows, as plain objects rather than managed entities: the relay only
     * reads them and then deletes them by id, in one statement.
     *
     * <p>The ids are found by an index-only scan, then the rows by one index scan over that array
     * of ids, which returns them in order (an {@code IN} join hashed and then sorted them). Rows
     * deleted since the last vacuum leave index entries at the head of the index. The index-only
     * scan marks them dead as it passes, so that the next read skips them; the plain index scan
     * this replaces did not, and every read visited every deleted row again (measured during a
     * run: 24,000 buffers a read, against 1,500).
     */
    @SuppressWarnings("unchecked")
    private List<OutboxMessage> pending() {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, event_id, topic, message_key, event_type, subject, occurred_at, payload, traceparent
                        FROM outbox_message
                        WHERE id = ANY(ARRAY(SELECT id FROM outbox_message ORDER BY id LIMIT ?1))
                        ORDER BY id""")
                .setParameter(1, batchSize)
                .unwrap(NativeQuery.class)
                .addScalar("id", Long.class).addScalar("event_id", UUID.class).addScalar("topic", String.class)
                .addScalar("message_key", String.class).addScalar("event_type", String.class)
                .addScalar("subject", String.class).addScalar("occurred_at", Instant.class)
                .addScalar("payload", String.class).addScalar("traceparent", String.class)
                .getResultList();
        List<OutboxMessage> messages = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            OutboxMessage m = new OutboxMessage();
            m.id = (Long) row[0];
            m.eventId = (UUID) row[1];
            m.topic = (String) row[2];
            m.key = (String) row[3];
            m.type = (String) row[4];
            m.subject = (String) row[5];
            m.occurredAt = (Instant) row[6];
            m.payload = (String) row[7];
            m.traceparent = (String) row[8];
            messages.add(m);
        }
        return messages;
    }

    private static void await(Future<RecordMetadata> ack) {
        try {
            ack.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge an outbox event", e);
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.create("outbox");
        }
        return producer;
    }

    private void resetProducer() {
        Producer<String, String> old = producer;
        producer = null;
        if (old != null) {
            old.close(Duration.ZERO);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

}
