package io.tousu.bench;

import io.tousu.local.FreePorts;
import io.tousu.local.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reporting on a generated month: fills the three complaint topics with a month of complete
 * lifecycles ({@link Lifecycles}; {@code --count} complaints in the month, and at the same daily
 * rate the days of the next month up to now with {@code --through-now}), then starts the packaged
 * reporting service on a database of its own and measures how fast it projects the backlog
 * (events/s from 10 % to 100 % of it, the service's CPU per thousand events), the storage the
 * topics and tables take per million complaints, and each report's latency (p50/p95/p99 of
 * {@code --runs} requests, after five to warm up).
 *
 * <p>Usage: {@code ReportingBench [--count N] [--month yyyy-MM] [--through-now] [--runs N]
 * [--screenshot FILE] [--keep] [--root DIR]}. {@code --screenshot} saves the dashboard on the
 * generated data as an analyst sees it (Debian's chromium); {@code --keep} leaves the service
 * running, its address printed, until the process is stopped.
 */
public final class ReportingBench {
    private static final String DATABASE = "reporting_bench";
    private static final List<String> TOPICS = List.of("complaints.received", "complaints.routing", "complaints.followup");

    private ReportingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = IntakeBench.options(args);
        int count = Integer.parseInt(opt.getOrDefault("count", "1000000"));
        YearMonth month = YearMonth.parse(opt.getOrDefault("month", YearMonth.now(Lifecycles.ZONE).minusMonths(1).toString()));
        int runs = Integer.parseInt(opt.getOrDefault("runs", "50"));
        Path root = Path.of(opt.getOrDefault("root", "."));
        Instant now = Instant.now();

        LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
        infra.createDatabase(DATABASE);
        LocalDate last = opt.containsKey("through-now") ? LocalDate.now(Lifecycles.ZONE) : month.atEndOfMonth();
        long complaints = 0;
        long events;
        Instant filling = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                // as the services' outbox relays send
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "snappy"), new StringSerializer(), new StringSerializer())) {
            Lifecycles lifecycles = new Lifecycles(producer, now, 20261201L);
            int perDay = count / month.lengthOfMonth();
            for (LocalDate day = month.atDay(1); !day.isAfter(last); day = day.plusDays(1)) {
                Instant start = day.atStartOfDay(Lifecycles.ZONE).toInstant();
                int today = day.equals(month.atEndOfMonth()) ? count - perDay * (month.lengthOfMonth() - 1) : perDay;
                for (int i = 0; i < today && start.isBefore(now); i++) {
                    lifecycles.complaint(start, complaints++);
                }
                System.out.printf("  %s: %,d complaints, %,d events so far%n", day, complaints, lifecycles.events());
            }
            producer.flush();
            events = lifecycles.events();
        }
        System.out.printf("filled: %,d complaints (%,d in %s), %,d events, in %.0f s%n", complaints, count, month, events,
                Duration.between(filling, Instant.now()).toMillis() / 1000.0);

        int port = FreePorts.pick();
        String group = "reporting-bench-" + UUID.randomUUID();
        Path log = root.resolve("deploy/bench/target/reporting-service-bench.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        // Offsets committed every 100 ms instead of 5 s: the bench follows progress by them.
        TOPICS.forEach(t -> command.add("-Dmp.messaging.incoming." + t.replace('.', '-') + ".auto.commit.interval.ms=100"));
        command.addAll(List.of("-jar", root.resolve("reporting-service/target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap(),
                "KAFKA_GROUP_ID", group,
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(DATABASE),
                "QUARKUS_DATASOURCE_USERNAME", infra.dbUser(),
                "QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", LocalInfra.tokens().publicKeyFile().toString()));
        Process service = pb.start();
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl(DATABASE), infra.dbUser(), infra.dbPassword());
             Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            project(kafka, group, service, log, events, db);
            BacklogBench.reportStatements(db, DATABASE);
            storage(kafka, db, complaints);
            try (Statement s = db.createStatement()) {
                s.execute("ANALYZE"); // as a database that has run a while has its statistics
            }
            String base = "http://localhost:" + port;
            reports(base, month, runs);
            if (opt.containsKey("screenshot")) {
                DashboardShot.save(base, LocalInfra.tokens().forRole("analyst"), Path.of(opt.get("screenshot")));
            }
            if (opt.containsKey("keep")) {
                System.out.printf("reporting is running at %s/ on %s (an analyst's token: %s); stop this process to end it%n",
                        base, infra.jdbcUrl(DATABASE), LocalInfra.tokens().forRole("analyst"));
                service.waitFor();
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.exit(0); // the broker and database of this JVM stop with it
    }

    /** Waits for the backlog to be projected; prints events/s from 10 % to 100 % and the service's CPU per thousand events. */
    private static void project(Admin kafka, String group, Process service, Path log, long events, Connection db)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
        Instant tenth = null;
        double cpuAtTenth = 0;
        long atTenth = 0;
        long consumed = 0;
        long reported = 0;
        while (consumed < events) {
            if (!service.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("reporting did not finish; see " + log);
            }
            Thread.sleep(200);
            consumed = kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> TOPICS.contains(e.getKey().topic())).map(Map.Entry::getValue)
                    .filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
            if (tenth == null && consumed >= events / 10) {
                tenth = Instant.now();
                cpuAtTenth = cpuSeconds(service.pid());
                atTenth = consumed;
                BacklogBench.resetStatements(db);
            }
            if (consumed - reported >= events / 10) {
                System.out.printf("  projected %,d of %,d events%n", consumed, events);
                reported = consumed;
            }
        }
        double seconds = Duration.between(tenth, Instant.now()).toMillis() / 1000.0;
        double cpu = cpuSeconds(service.pid()) - cpuAtTenth;
        System.out.printf("projection:  %,.0f events/s (%,d events from 10 %% to 100 %% of the backlog in %.1f s), "
                + "reporting's CPU %.3f ms per event%n", (consumed - atTenth) / seconds, consumed - atTenth, seconds,
                cpu * 1000 / (consumed - atTenth));
    }

    /** A process's user and system CPU time so far (Linux {@code /proc}). */
    private static double cpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in clock ticks
    }

    /** What the complaint topics (as the broker stores them) and reporting's tables take, per million complaints. */
    private static void storage(Admin kafka, Connection db, long complaints) throws Exception {
        Map<String, Long> topics = new TreeMap<>();
        for (Map<String, LogDirDescription> dirs : kafka.describeLogDirs(kafka.describeCluster().nodes().get().stream()
                .map(n -> n.id()).toList()).allDescriptions().get().values()) {
            dirs.values().forEach(d -> d.replicaInfos().forEach((tp, info) -> {
                if (TOPICS.contains(tp.topic())) {
                    topics.merge(tp.topic(), info.size(), Long::sum);
                }
            }));
        }
        double millions = complaints / 1_000_000.0;
        System.out.printf("storage per million complaints (%,d stored, one replica; a cluster keeps replication.factor copies):%n",
                complaints);
        topics.forEach((t, bytes) -> System.out.printf("  topic %-22s %,8.0f MB%n", t, bytes / millions / 1e6));
        System.out.printf("  topics together          %,8.0f MB%n",
                topics.values().stream().mapToLong(Long::longValue).sum() / millions / 1e6);
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 2 DESC""")) {
            long total = 0;
            while (rs.next()) {
                total += rs.getLong(2);
                if (rs.getLong(2) > 1_000_000) {
                    System.out.printf("  table %-22s %,8.0f MB (with its indexes)%n", rs.getString(1), rs.getLong(2) / millions / 1e6);
                }
            }
            System.out.printf("  tables together          %,8.0f MB%n", total / millions / 1e6);
        }
    }

    /** Each report's latency over the generated month, {@code runs} times after five to warm up. */
    private static void reports(String base, YearMonth month, int runs) throws Exception {
        String from = month.atDay(1).toString();
        String to = month.atEndOfMonth().toString();
        String period = "from=" + from + "&to=" + to;
        Map<String, String[]> requests = new java.util.LinkedHashMap<>();
        requests.put("kpis", new String[] {"/api/v1/reports/kpis?" + period, "application/json"});
        for (String by : List.of("channel", "category", "department", "area", "day")) {
            requests.put("breakdown by " + by, new String[] {"/api/v1/reports/breakdown?" + period + "&by=" + by, "application/json"});
        }
        requests.put("breakdown by city", new String[] {"/api/v1/reports/breakdown?" + period + "&by=area&level=city", "application/json"});
        requests.put("departments", new String[] {"/api/v1/reports/departments?month=" + month, "application/json"});
        requests.put("monthly (JSON)", new String[] {"/api/v1/reports/monthly/" + month, "application/json"});
        requests.put("monthly (CSV)", new String[] {"/api/v1/reports/monthly/" + month, "text/csv"});
        requests.put("monthly (HTML)", new String[] {"/api/v1/reports/monthly/" + month, "text/html"});
        requests.put("dashboard", new String[] {"/api/v1/reports/dashboard", "application/json"});
        requests.put("search 信号", new String[] {"/api/v1/complaints?" + period + "&q=" + enc("信号"), "application/json"});
        requests.put("search 退费, billing", new String[] {"/api/v1/complaints?" + period + "&department=billing&q="
                + enc("退费"), "application/json"});
        HttpClient http = HttpClient.newHttpClient();
        String token = LocalInfra.tokens().forRole("analyst");
        System.out.printf("reports over %s (%d requests each, one at a time, after 5 to warm up):%n", month, runs);
        System.out.printf("  %-24s %8s %8s %8s %8s%n", "", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (Map.Entry<String, String[]> r : requests.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + r.getValue()[0]))
                    .header("Authorization", "Bearer " + token).header("Accept", r.getValue()[1]).build();
            double[] millis = new double[runs];
            for (int i = -5; i < runs; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(r.getKey() + ": " + response.statusCode() + " " + new String(response.body()));
                }
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            System.out.printf("  %-24s %8.0f %8.0f %8.0f %8.0f%n", r.getKey(), at(millis, 0.50), at(millis, 0.95),
                    at(millis, 0.99), millis[runs - 1]);
        }
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
