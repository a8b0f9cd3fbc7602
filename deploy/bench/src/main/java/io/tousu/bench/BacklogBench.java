package io.tousu.bench;

import io.tousu.local.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consuming service's throughput from a backlog: fills {@code complaints.received} with N
 * complaints, then starts the packaged service on its own broker and database and measures how
 * fast it works through the backlog (routing: work orders, first to last {@code created_at};
 * followup: complaints whose clocks it opened, first to last {@code updated_at}) and how fast its
 * outbox relay gets what it published onto Kafka (until the outbox is empty).
 *
 * <p>Usage: {@code BacklogBench [--service routing|followup] [--count N] [--warmup N] [--root DIR]
 * [--jfr FILE]}. {@code --warmup}
 * puts that many complaints (other customers, the day before) in the backlog ahead of the
 * measured ones, so that the JIT compiler's first minutes are not in the figure;
 * {@code --jfr} records a flight recording of the service's process.
 */
public final class BacklogBench {
    /**
     * What a service makes of each complaint, how the bench counts it, and when the measured day's
     * complaints were received: routing's on a fixed day; followup's over the ten hours up to now,
     * so that no timer falls due while the clocks are measured.
     */
    private record Target(String service, String database, String madeOf, String report, OffsetDateTime dayStart) {
        static Target of(String name) {
            return switch (name) {
                case "routing" -> new Target("routing-service", "routing_bench", "routed_complaint", """
                        SELECT count(*), count(DISTINCT complaint_id),
                               extract(epoch FROM max(created_at) - min(created_at)), extract(epoch FROM min(created_at))
                        FROM work_order WHERE complaint_number LIKE '%s%%'""", DAY_START);
                case "followup" -> new Target("followup-service", "followup_bench", "followed_complaint", """
                        SELECT (SELECT count(*) FROM sla_clock c WHERE c.complaint_id IN
                                   (SELECT complaint_id FROM followed_complaint WHERE number LIKE '%1$s%%')),
                               count(*), extract(epoch FROM max(updated_at) - min(updated_at)),
                               extract(epoch FROM min(updated_at))
                        FROM followed_complaint WHERE number LIKE '%1$s%%'""",
                        OffsetDateTime.now().minusHours(10));
                default -> throw new IllegalArgumentException("--service must be routing or followup");
            };
        }
    }

    /**
     * Categories as a telecom centre receives them, each listed as often as its share in twentieths:
     * bills and value-added services first, network faults about a quarter, spread over the areas.
     */
    private static final List<String> CATEGORIES = List.of("FEES.SP_CHARGE", "FEES.SP_CHARGE", "FEES.PACKAGE",
            "FEES.PACKAGE", "FEES.DATA_CHARGE", "FEES.REFUND", "MONTERNET.SUBSCRIPTION", "MONTERNET.UNSUBSCRIBE",
            "BASIC.NO_SIGNAL", "BASIC.DATA", "BASIC.CALL_DROP", "OWN.BROADBAND", "OWN.BROADBAND", "SERVICE.ATTITUDE",
            "SERVICE.HOTLINE", "MARKETING.PROMOTION", "MARKETING.MISLEADING", "SECURITY.SPAM", "SUPPORT.ACTIVATION",
            "SECURITY.FRAUD");
    /** One complaint in fifty is about an outage in one of three places: the day's real incidents. */
    private static final int OUTAGE_ONE_IN = 50;
    private static final int OUTAGE_PLACES = 3;

    private static final Pattern BATCH_LOG = Pattern.compile("batch of (\\d+) committed in (\\d+) ms");
    private static final Pattern RELAY_LOG = Pattern.compile("outbox: relayed (\\d+) in (\\d+) ms");
    private static final OffsetDateTime DAY_START = OffsetDateTime.parse("2026-11-22T08:00:00+08:00");
    /** Complaint-number prefixes: the warm-up's complaints are not counted. */
    private static final String WARMUP = "TW";
    private static final String MEASURED = "TS";


    private BacklogBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = IntakeBench.options(args);
        int count = Integer.parseInt(opt.getOrDefault("count", "20000"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "0"));
        Path root = Path.of(opt.getOrDefault("root", "."));
        Target target = Target.of(opt.getOrDefault("service", "routing"));
        String database = target.database();
        Path jar = root.resolve(target.service() + "/target/quarkus-app/quarkus-run.jar");

        LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
        infra.createDatabase(database);
        // The whole backlog is there before the service starts, the warm-up's first: it reaches
        // the measured complaints warm, and nothing else competes for the cores meanwhile.
        if (warmup > 0) {
            System.out.printf("filling complaints.received with %,d complaints to warm up on ...%n", warmup);
            produce(infra.kafkaBootstrap(), target.dayStart().minusDays(1), WARMUP, 0, warmup);
        }
        System.out.printf("filling complaints.received with %,d complaints to measure ...%n", count);
        produce(infra.kafkaBootstrap(), target.dayStart(), MEASURED, warmup, count);

        String group = target.service() + "-bench-" + UUID.randomUUID();
        Path log = root.resolve("deploy/bench/target/" + target.service() + "-bench.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                // Offsets committed every 100 ms instead of 5 s: the bench follows progress by them.
                "-Dmp.messaging.incoming.complaints-received.auto.commit.interval.ms=100",
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap(),
                "KAFKA_GROUP_ID", group, // every channel's group: a fresh one reads the backlog from the start
                "QUARKUS_HTTP_PORT", "0",
                "QUARKUS_LOG_CATEGORY__IO_TOUSU_PLATFORM_MESSAGING__LEVEL", "DEBUG",
                "QUARKUS_LOG_CATEGORY__IO_TOUSU_PLATFORM_OUTBOX__LEVEL", "DEBUG",
                "QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", infra.dbUser(),
                "QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", LocalInfra.tokens().publicKeyFile().toString()));
        if (opt.containsKey("jfr")) {
            pb.environment().put("JAVA_TOOL_OPTIONS",
                    "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + opt.get("jfr"));
        }
        Process service = pb.start();
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl(database), infra.dbUser(), infra.dbPassword());
             Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            Progress progress = new Progress(db, kafka, group, service, log, target.madeOf(),
                    Instant.now().plus(Duration.ofMinutes(10)));
            long logFrom = 0;
            if (warmup > 0) {
                progress.awaitConsumed(warmup);
                logFrom = Files.size(log);
                resetStatements(db);
                System.out.println("warmed up; now the measured backlog ...");
            }
            Instant outboxEmpty = progress.awaitRouted(warmup + count);
            report(db, target, count, outboxEmpty);
            reportBatches(log, logFrom);
            reportStatements(db, database);
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.exit(0); // the broker and database of this JVM stop with it
    }

    /** Watches the service work through the backlog; fails when it dies or takes longer than the deadline. */
    private record Progress(Connection db, Admin kafka, String group, Process service, Path log, String madeOf,
                            Instant deadline) {
        /**
         * Waits until {@code total} complaints are routed, then until the outbox is empty again
         * (the relay deletes what Kafka acknowledged); returns when it was. The dispatch rate
         * comes from the work orders' own timestamps, only the Kafka figure from this clock.
         */
        Instant awaitRouted(long total) throws Exception {
            awaitConsumed(total);
            if (count(db, "SELECT count(*) FROM " + madeOf) < total) {
                throw new IllegalStateException("offsets committed for complaints the service has not recorded");
            }
            while (count(db, "SELECT count(*) FROM (SELECT 1 FROM outbox_message ORDER BY id LIMIT 1) o") > 0) {
                checkAlive();
                Thread.sleep(50);
            }
            return Instant.now();
        }

        /**
         * Waits until the service committed the offsets of {@code total} records: it does after the
         * batches' transactions. Asking the broker leaves the database under test alone.
         */
        void awaitConsumed(long total) throws Exception {
            while (consumed() < total) {
                checkAlive();
                Thread.sleep(100);
            }
        }

        private long consumed() throws Exception {
            return kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
        }

        private void checkAlive() {
            if (!service.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the service did not finish; see " + log);
            }
        }
    }

    private static void report(Connection db, Target target, int count, Instant outboxEmpty) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(target.report().formatted(MEASURED))) {
            rs.next();
            long made = rs.getLong(1);
            long complaints = rs.getLong(2);
            double seconds = rs.getDouble(3);
            double publishedSeconds = outboxEmpty.toEpochMilli() / 1000.0 - rs.getDouble(4);
            if (target.service().equals("routing-service")) {
                System.out.printf("work orders: %,d for %,d complaints (%,d distinct)%n", made, count, complaints);
                System.out.printf("dispatched:  %,.0f work orders/s (first to last work order, %.1f s)%n",
                        made / seconds, seconds);
            } else {
                System.out.printf("clocks:      %,d opened for %,d of %,d complaints%n", made, complaints, count);
                System.out.printf("followed:    %,.0f complaints/s (%,.0f clocks/s; first to last complaint, %.1f s)%n",
                        complaints / seconds, made / seconds, seconds);
            }
            System.out.printf("on Kafka:    %,.0f complaints/s including the relay (%.1f s to the last published event)%n",
                    complaints / publishedSeconds, publishedSeconds);
        }
    }

    /** The batch sizes and transaction times the service and its relay logged (debug level is switched on for them). */
    private static void reportBatches(Path log, long from) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        String text = new String(bytes, (int) from, bytes.length - (int) from, StandardCharsets.UTF_8);
        reportBatches(BATCH_LOG.matcher(text), "batches:     %,d transactions of %,d complaints on average, %,d ms each on average%n");
        reportBatches(RELAY_LOG.matcher(text), "relay:       %,d transactions of %,d events on average, %,d ms each on average%n");
    }

    private static void reportBatches(Matcher m, String format) {
        int batches = 0;
        long items = 0;
        long millis = 0;
        while (m.find()) {
            batches++;
            items += Long.parseLong(m.group(1));
            millis += Long.parseLong(m.group(2));
        }
        if (batches > 0) {
            System.out.printf(format, batches, items / batches, millis / batches);
        }
    }

    /**
     * Also brings the planner's statistics up to date, as a database that has run for a while has
     * them: right after the warm-up filled the tables, a plan made for empty ones would scan them.
     */
    static void resetStatements(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("ANALYZE");
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements that took the database's time: the service waits on them most of a batch. */
    static void reportStatements(Connection db, String database) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet rs = s.executeQuery("""
                    SELECT calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
                    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                    WHERE d.datname = '%s' ORDER BY total_exec_time DESC LIMIT 12""".formatted(database))) {
                System.out.println("database time by statement (pg_stat_statements, measured part):");
                while (rs.next()) {
                    String sql = rs.getString(4);
                    System.out.printf("  %8.0f ms %7d calls %9d rows  %s%n", rs.getDouble(2), rs.getLong(1), rs.getLong(3),
                            sql.substring(0, Math.min(110, sql.length())));
                }
            }
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // tables not migrated yet
            }
            throw e;
        }
    }

    /**
     * Realistic spread: a working day's complaints (received over ten hours), a customer each, in
     * 5,000 areas, of the categories a centre receives (most are no outage, and ordinary network
     * complaints scattered over the areas rarely make an incident); one in fifty is about an outage
     * in one of three places, which become incidents.
     */
    private static void produce(String bootstrap, OffsetDateTime dayStart, String numberPrefix, int first, int count)
            throws IOException {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int n = 0; n < count; n++) {
                int i = first + n;
                boolean outage = random.nextInt(OUTAGE_ONE_IN) == 0;
                String id = UUID.randomUUID().toString();
                String event = """
                        {"complaintId":"%s","number":"%s%08d","status":"RECEIVED","channel":"HOTLINE",
                         "type":"COMPLAINT","receivedAt":"%s",
                         "customer":{"id":"C%d","name":"张三","phone":"139%08d","vip":%b},"serviceNumber":"139%08d",
                         "area":"北京市海淀区%s街道","category":"%s","subject":"本月账单出现不明扣费",
                         "description":"本月账单出现两笔信息费,本人从未订制,要求退费并说明原因。","resolvedOnFirstContact":false}"""
                        .formatted(id, numberPrefix, i, dayStart.plusSeconds(36_000L * n / count), i, i,
                                random.nextInt(20) == 0, i, outage ? "故障" + random.nextInt(OUTAGE_PLACES)
                                        : Integer.toString(random.nextInt(5000)),
                                outage ? "BASIC.NO_SIGNAL" : CATEGORIES.get(random.nextInt(CATEGORIES.size())));
                ProducerRecord<String, String> record = new ProducerRecord<>("complaints.received", id, event);
                record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                        .add("ce_type", "ComplaintReceived.v1".getBytes(StandardCharsets.UTF_8))
                        .add("ce_subject", id.getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }
}
