package io.tousu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Complete lifecycles through the whole running local stack ({@code deploy/local/run}): channel
 * systems submit complaints over REST and on {@code complaints.submitted}; a simulated app per
 * department takes its orders from {@code workorders.<dept>}, signs for them over REST and answers
 * over REST or on its own {@code workorders.results.<dept>}, returning a few; simulated agents
 * reply once the result is in and call back (one in ten unsatisfied the first time, which reopens
 * the complaint for another round). Prints complaints accepted/s and closed/s, the latency from
 * the {@code 201} to the work order on the department's topic, to the clocks opened (the first
 * {@code ClocksSet}) and to the complaint's row in reporting, every consumer group's largest lag,
 * and {@code complaints in: N} for {@code cpu-per-complaint}. Bounded in count and time; loopback only.
 *
 * <p>Usage: {@code PipelineBench [--count N] [--concurrency N] [--topic-share 0.3] [--minutes M] [--rate R]}.
 * With {@code --rate} the load is an open loop: complaints are offered at R per second whatever
 * the answers, and each latency counts from the moment its complaint was due to be sent, so a
 * stack that falls behind shows it in the percentiles instead of slowing the load down.
 */
public final class PipelineBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TOKENS = Path.of("deploy/local/target/tokens");
    private static final Duration STUCK = Duration.ofMinutes(1);
    /** How long an agent keeps trying to reply before it gives the complaint up. */
    private static final Duration REPLY_PATIENCE = Duration.ofMinutes(3);
    private static final Map<String, String> TOKEN_CACHE = new ConcurrentHashMap<>();
    private static final List<String> GROUPS = List.of("intake-service", "routing-service", "followup-service",
            "reporting-service");

    private final String kafka = "localhost:9092";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> toOrder = new ConcurrentHashMap<>();
    private final Map<String, Long> toClocks = new ConcurrentHashMap<>();
    private final Map<String, Long> toReporting = new ConcurrentHashMap<>();
    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final Set<String> unsatisfiedOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> maxLag = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger replyRetries = new AtomicInteger();
    private final AtomicLong lastClosed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch subscribed = new CountDownLatch(2);
    private final long runStartMillis = System.currentTimeMillis();
    private final ExecutorService departments = Executors.newFixedThreadPool(6);
    private final ScheduledExecutorService agents = Executors.newScheduledThreadPool(6);

    private PipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = IntakeBench.options(args);
        new PipelineBench().run(Integer.parseInt(opt.getOrDefault("count", "20000")),
                Integer.parseInt(opt.getOrDefault("concurrency", "16")),
                Double.parseDouble(opt.getOrDefault("topic-share", "0.3")),
                Duration.ofMinutes(Long.parseLong(opt.getOrDefault("minutes", "10"))),
                Double.parseDouble(opt.getOrDefault("rate", "0")));
        System.exit(0);
    }

    private void run(int count, int concurrency, double topicShare, Duration limit, double rate) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Thread> watchers = List.of(daemon(this::departmentApps), daemon(this::agentsAndClocks),
                daemon(this::reportingWatcher), daemon(this::lagWatcher));
        if (!subscribed.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the simulated department apps and agents did not join their groups in 2 minutes");
        }
        long start = System.nanoTime();
        int viaTopic = (int) Math.round(count * topicShare);
        Thread streamer = daemon(() -> stream(run, viaTopic, count - viaTopic));
        ExecutorService channels = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        int viaRest = count - viaTopic;
        // Open loop: the REST share of the offered rate, one complaint due every restEvery ns.
        double restEvery = rate > 0 ? 1e9 / (rate * viaRest / count) : 0;
        for (int c = 0; c < concurrency; c++) {
            channels.submit(() -> {
                Random random = new Random();
                HttpConnection channel = new HttpConnection(URI.create("http://localhost:8081"), "/api/v1/complaints",
                        token("channel"));
                for (int i = next.getAndIncrement(); i < viaRest; i = next.getAndIncrement()) {
                    long sent = rate > 0 ? start + (long) (i * restEvery) : System.nanoTime();
                    sleepUntil(sent);
                    try {
                        HttpConnection.Answer a = channel.post(Complaints.body("PIPE-" + run + "-" + i, random));
                        if (a.status() == 201) {
                            acceptedAt.put(JSON.readTree(a.body()).get("id").asText(), sent);
                            accepted.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                channel.close();
            });
        }
        channels.shutdown();
        channels.awaitTermination(1, TimeUnit.HOURS);
        streamer.join();
        long submitted = System.nanoTime();
        long deadline = start + limit.toNanos();
        // Wait for the last closing, but not for ever: a complaint not closed after a minute with no
        // closing at all is stuck, and waiting longer would only add idle CPU to the figures.
        while (closed.size() < count && System.nanoTime() < deadline
                && System.nanoTime() - Math.max(lastClosed.get(), submitted) < STUCK.toNanos()) {
            Thread.sleep(500);
        }
        running.set(false);
        double submitSeconds = (submitted - start) / 1e9;
        double closeSeconds = (Math.max(lastClosed.get(), start + 1) - start) / 1e9;
        System.out.printf("submitted: %d (%d over REST, %d on complaints.submitted) in %.1f s = %.0f/s%s; REST failures %d%n",
                count, viaRest, viaTopic, submitSeconds, count / submitSeconds,
                rate > 0 ? " (open loop, %.0f/s offered)".formatted(rate) : "", failures.get());
        // cpu-per-complaint divides by this count: every complaint that entered, by REST or streamed.
        System.out.printf("complaints in: %d (%d accepted over REST with a 201, %d streamed)%n", accepted.get() + viaTopic,
                accepted.get(), viaTopic);
        System.out.printf("closed: %d of %d complaints in %.1f s from the first submission = %.0f complete lifecycles/s%n",
                closed.size(), count, closeSeconds, closed.size() / closeSeconds);
        acceptedAt.keySet().stream().filter(id -> !closed.contains(id)).limit(5)
                .forEach(id -> System.out.println("not closed: " + id));
        latency("201 -> work order on workorders.<dept>", toOrder);
        latency("201 -> clocks opened (ClocksSet)", toClocks);
        latency("201 -> counted in reporting (sampled)", toReporting);
        System.out.printf("largest consumer lag seen: %s%n", maxLag);
        System.out.printf("replies tried again (the result not yet in followup): %d%n", replyRetries.get());
        watchers.forEach(Thread::interrupt);
    }

    /** The share of complaints that channel systems stream, paced alongside the REST clients. */
    private void stream(String run, int n, int restCount) {
        try (KafkaProducer<String, String> producer = producer()) {
            Random random = new Random();
            for (int i = 0; i < n; i++) {
                String ref = "PIPE-" + run + "-T" + i;
                String body = Complaints.body(ref, random).replace("\"channel\":\"HOTLINE\"", "\"channel\":\"APP\"");
                producer.send(new ProducerRecord<>("complaints.submitted", ref, body));
                if (i % 100 == 0) {
                    // keep pace with the REST clients so the mix stays the same throughout
                    while (accepted.get() * (double) n / Math.max(1, restCount) < i && accepted.get() < restCount) {
                        Thread.sleep(5);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A department app per department: sign for each new order, answer it (half over REST, half on its topic), return a few. */
    private void departmentApps() {
        try (KafkaConsumer<String, String> consumer = consumer("bench-departments");
             KafkaProducer<String, String> producer = producer()) {
            consumer.subscribe(Pattern.compile("workorders\\.(?!results)[a-z0-9_-]+"), new FromRunStart(consumer));
            Set<String> returned = ConcurrentHashMap.newKeySet();
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (!"WorkOrder.v1".equals(header(r, "ce_type"))) {
                        continue;
                    }
                    // Sent again when escalated: signing for it again is refused (409) and changes nothing.
                    JsonNode order = JSON.readTree(r.value());
                    String complaint = order.get("complaintId").asText();
                    Long at = acceptedAt.get(complaint);
                    if (at != null) {
                        toOrder.putIfAbsent(complaint, System.nanoTime() - at);
                    }
                    String id = order.get("workOrderId").asText();
                    String dept = order.get("department").asText();
                    boolean giveBack = complaint.hashCode() % 50 == 0 && returned.add(complaint);
                    departments.submit(() -> answer(producer, id, dept, giveBack));
                }
            }
        } catch (Exception e) {
            if (running.get()) {
                e.printStackTrace();
            }
        }
    }

    private void answer(KafkaProducer<String, String> producer, String id, String dept, boolean giveBack) {
        String token = token("department-" + dept);
        String base = "http://localhost:8082/api/v1/work-orders/" + id;
        if (giveBack) {
            post(base + "/return", token, "{\"reason\":\"不属本部门职责\"}");
            return;
        }
        if (post(base + "/accept", token, "{\"handler\":\"bench\"}") != 200) {
            return; // answered, escalated or cancelled meanwhile
        }
        String result = "{\"workOrderId\":\"" + id + "\",\"outcome\":\"RESOLVED\",\"resolution\":\"已核实处理\","
                + "\"rootCause\":\"COMPANY\",\"handledBy\":\"bench\"}";
        if (id.hashCode() % 2 == 0) {
            post(base + "/result", token, result);
        } else {
            producer.send(new ProducerRecord<>("workorders.results." + dept, id, result));
        }
    }

    /** Agents: reply when a result is in, then call back; the first round of one complaint in ten is unsatisfied. */
    private void agentsAndClocks() {
        try (KafkaConsumer<String, String> consumer = consumer("bench-agents")) {
            consumer.subscribe(List.of("complaints.routing", "complaints.followup"), new FromRunStart(consumer));
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    String type = header(r, "ce_type");
                    String complaint = r.key();
                    if ("ClocksSet.v1".equals(type)) {
                        Long at = acceptedAt.get(complaint);
                        if (at != null) {
                            toClocks.putIfAbsent(complaint, System.nanoTime() - at);
                        }
                    } else if ("ComplaintClosed.v1".equals(type)) {
                        if (closed.add(complaint)) {
                            lastClosed.accumulateAndGet(System.nanoTime(), Math::max);
                        }
                    } else if ("WorkOrderResultSubmitted.v1".equals(type)) {
                        long giveUp = System.nanoTime() + REPLY_PATIENCE.toNanos();
                        agents.submit(() -> replyAndCallBack(complaint, 250, giveUp));
                    }
                }
            }
        } catch (Exception e) {
            if (running.get()) {
                e.printStackTrace();
            }
        }
    }

    /**
     * Followup reads the result from the topic too: the reply is refused (409) until it has. The
     * agent tries again later and later (as one would who has other calls to make), for up to
     * {@link #REPLY_PATIENCE}: a retry every 250 ms would be most of followup's work while it lags.
     */
    private void replyAndCallBack(String complaint, long wait, long giveUp) {
        String agent = token("agent");
        String base = "http://localhost:8083/api/v1/complaints/" + complaint;
        int status = post(base + "/replies", agent, "{\"agentId\":\"bench\",\"channel\":\"PHONE\","
                + "\"message\":\"您好，您反映的问题已处理完毕，感谢您的耐心。\",\"acknowledgeWarnings\":true}");
        if (status != 201) {
            if (System.nanoTime() < giveUp) {
                replyRetries.incrementAndGet();
                agents.schedule(() -> replyAndCallBack(complaint, Math.min(wait * 2, 8000), giveUp), wait,
                        TimeUnit.MILLISECONDS);
            }
            return;
        }
        boolean unsatisfied = complaint.hashCode() % 10 == 0 && unsatisfiedOnce.add(complaint);
        post(base + "/callbacks", agent, "{\"level\":\"L1\",\"reached\":true,\"satisfaction\":\""
                + (unsatisfied ? "UNSATISFIED" : "SATISFIED") + "\",\"agentId\":\"bench\"}");
    }

    /** Every 250 ms, which of a sample of accepted complaints reporting has a row for. */
    private void reportingWatcher() {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:5432/reporting", "postgres",
                "postgres");
             PreparedStatement q = db.prepareStatement(
                     "SELECT complaint_id::text FROM complaint_fact WHERE complaint_id = ANY(CAST(? AS uuid[]))")) {
            while (running.get()) {
                List<String> pending = new ArrayList<>();
                acceptedAt.keySet().forEach(id -> {
                    if (id.hashCode() % 20 == 0 && !toReporting.containsKey(id)) {
                        pending.add(id);
                    }
                });
                if (!pending.isEmpty()) {
                    q.setArray(1, db.createArrayOf("text", pending.toArray()));
                    long now = System.nanoTime();
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString(1);
                            toReporting.putIfAbsent(id, now - acceptedAt.get(id));
                        }
                    }
                }
                Thread.sleep(250);
            }
        } catch (Exception e) {
            if (running.get()) {
                e.printStackTrace();
            }
        }
    }

    /** Every 2 s, each service group's lag summed over its partitions; the largest is kept. */
    private void lagWatcher() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            while (running.get()) {
                for (String group : GROUPS) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    var ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
                    long lag = committed.entrySet().stream().filter(e -> e.getValue() != null)
                            .mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset()).sum();
                    maxLag.merge(group, lag, Math::max);
                }
                Thread.sleep(2000);
            }
        } catch (Exception e) {
            if (running.get()) {
                e.printStackTrace();
            }
        }
    }

    /**
     * Starts a simulated consumer on each partition it is given at the first record of this run
     * (by time): a department's topic is made by routing's first order to it, after the consumer
     * joined, and an order sent before the consumer saw that topic must not be missed. Counts the
     * consumer as ready once it has joined its group.
     */
    private final class FromRunStart implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> consumer;
        private final Set<TopicPartition> started = new HashSet<>();
        private boolean joined;

        FromRunStart(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> fresh = new HashMap<>();
            partitions.stream().filter(started::add).forEach(tp -> fresh.put(tp, runStartMillis));
            consumer.offsetsForTimes(fresh).forEach((tp, at) -> {
                if (at == null) {
                    consumer.seekToEnd(List.of(tp));
                } else {
                    consumer.seek(tp, at.offset());
                }
            });
            if (!joined) {
                joined = true;
                subscribed.countDown();
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, group + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2000), new StringDeserializer(), new StringDeserializer());
    }

    private int post(String url, String token, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String token(String name) {
        return TOKEN_CACHE.computeIfAbsent(name, n -> {
            try {
                return Files.readString(TOKENS.resolve(n + ".jwt")).trim();
            } catch (Exception e) {
                throw new IllegalStateException("no token " + n + " in " + TOKENS + ": is deploy/local/run up?", e);
            }
        });
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void latency(String what, Map<String, Long> nanos) {
        long[] sorted = nanos.values().stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-42s %6d measured  p50 %7.0f ms  p95 %7.0f ms  p99 %7.0f ms%n", what, sorted.length,
                IntakeBench.pct(sorted, 50), IntakeBench.pct(sorted, 95), IntakeBench.pct(sorted, 99));
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            sleep(wait / 1_000_000);
        }
    }

    private static Thread daemon(Runnable work) {
        Thread t = new Thread(work);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
