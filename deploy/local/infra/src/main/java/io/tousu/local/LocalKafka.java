package io.tousu.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node Apache Kafka broker in KRaft mode, run in a child JVM from the official
 * Maven artifacts, so its server classpath never mixes with the application's.
 */
public final class LocalKafka implements AutoCloseable {
    private static final String CLASSPATH_RESOURCE = "broker.classpath";

    private final Path dir;
    private final int port;
    private final Process process;

    private LocalKafka(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Formats {@code dir} if it holds no log yet, starts the broker and waits until it listens. */
    public static LocalKafka start(Path dir, int port, Duration timeout) {
        try {
            Files.createDirectories(dir);
            Path config = writeConfig(dir, port, controllerPort(dir));
            String classpath = brokerClasspath();
            if (!Files.exists(dir.resolve("logs/meta.properties"))) {
                format(dir, config, classpath);
            }
            Process broker = java(classpath, dir, "kafka.Kafka", config.toString())
                    .redirectOutput(dir.resolve("broker.log").toFile())
                    .start();
            LocalKafka kafka = new LocalKafka(dir, port, broker);
            kafka.awaitListening(timeout);
            kafka.keepComplaintEvents();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start in " + dir, e);
        }
    }

    /**
     * The {@code complaints.*} topics keep their events as long as reports must be rebuildable from
     * them (400 days: this year's months and the same month a year before); other topics keep the
     * broker's default week. Created here with that retention, or given it if they exist.
     */
    static final Duration COMPLAINT_EVENTS_RETENTION = Duration.ofDays(400);
    static final List<String> COMPLAINT_TOPICS = List.of("complaints.received", "complaints.routing", "complaints.followup");

    private void keepComplaintEvents() {
        Map<String, String> config = Map.of(TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(COMPLAINT_EVENTS_RETENTION.toMillis()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            admin.createTopics(COMPLAINT_TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.empty(), Optional.empty()).configs(config)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            admin.incrementalAlterConfigs(COMPLAINT_TOPICS.stream().collect(Collectors.toMap(
                    t -> new ConfigResource(ConfigResource.Type.TOPIC, t),
                    t -> List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG,
                            config.get(TopicConfig.RETENTION_MS_CONFIG)), AlterConfigOp.OpType.SET)))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not set the complaint topics' retention", e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** A restarted broker keeps its controller port, as its metadata log expects. */
    private static int controllerPort(Path dir) throws IOException {
        Path existing = dir.resolve("server.properties");
        if (Files.exists(existing)) {
            for (String line : Files.readAllLines(existing)) {
                if (line.startsWith("controller.quorum.voters=")) {
                    return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
                }
            }
        }
        return FreePorts.pick();
    }

    private static Path writeConfig(Path dir, int port, int controllerPort) throws IOException {
        String props = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Path config = dir.resolve("server.properties");
        Files.writeString(config, props);
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d %p %c{1} %m%n",
                ""));
        return config;
    }

    private static void format(Path dir, Path config, String classpath) throws IOException {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        // Kafka's own ids never start with '-', which its argument parser would read as an option.
        String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id).replaceFirst("^-", "A");
        Process format = java(classpath, dir, "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", config.toString())
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka log dir failed: "
                        + Files.readString(dir.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProcessBuilder java(String classpath, Path dir, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = LocalKafka.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build deploy/local/infra first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited: " + tail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("localhost", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        close();
        throw new IllegalStateException("Kafka broker not listening after " + timeout + ": " + tail());
    }

    private String tail() {
        try {
            String log = Files.readString(dir.resolve("broker.log"));
            return log.substring(Math.max(0, log.length() - 4000));
        } catch (IOException e) {
            return "(no broker log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker the way kafka-server-stop does (SIGTERM), then forcibly if it hangs. */
    @Override
    public void close() {
        Processes.stop(process.toHandle(), Duration.ofSeconds(20));
    }
}
