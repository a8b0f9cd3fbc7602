package io.tousu.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The broker, the database and the token keys that one JVM's tests share. Started once per
 * JVM; the endpoints live in system properties because Quarkus may load this class in more
 * than one class loader (test resource, test class), and all of them must see one broker.
 */
public final class LocalInfra {
    public static final List<String> DATABASES = List.of("intake", "routing", "followup", "reporting");

    private static final String KAFKA = "tousu.local.kafka";
    private static final String PG_URL = "tousu.local.pg.url";
    private static final String PG_USER = "tousu.local.pg.user";
    private static final String PG_PASSWORD = "tousu.local.pg.password";
    private static final String JWT_DIR = "tousu.local.jwt.dir";
    private static final String KAFKA_DIR = "tousu.local.kafka.dir";
    /** The broker's process id and port: strings, so that every class loader can stop and restart it. */
    private static final String KAFKA_PID = "tousu.local.kafka.pid";
    private static final String KAFKA_PORT = "tousu.local.kafka.port";

    private LocalInfra() {
    }

    /** Starts the broker and database for this JVM, or returns those already started. */
    public static synchronized Endpoints forThisJvm() {
        if (System.getProperty(KAFKA) == null) {
            startForThisJvm();
        }
        return current();
    }

    /** Stops this JVM's broker, for tests of what survives an outage. */
    public static synchronized void stopBroker() {
        requireOwnBroker();
        stopBrokerProcess();
    }

    /** Starts this JVM's broker again on the same port and log dir. */
    public static synchronized void startBroker() {
        requireOwnBroker();
        LocalKafka kafka = LocalKafka.start(Path.of(System.getProperty(KAFKA_DIR)),
                Integer.parseInt(System.getProperty(KAFKA_PORT)), Duration.ofSeconds(60));
        System.setProperty(KAFKA_PID, String.valueOf(kafka.pid()));
    }

    private static void requireOwnBroker() {
        forThisJvm();
        if (System.getProperty(KAFKA_PORT) == null) {
            throw new IllegalStateException("the broker is external (LOCAL_KAFKA_BOOTSTRAP); it cannot be stopped from here");
        }
    }

    private static void stopBrokerProcess() {
        String pid = System.getProperty(KAFKA_PID);
        if (pid != null) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> Processes.stop(p, Duration.ofSeconds(20)));
        }
    }

    /** Issues tokens that this JVM's services accept. */
    public static JwtIssuer tokens() {
        return JwtIssuer.in(Path.of(forThisJvm().jwtDir()));
    }

    private static Endpoints current() {
        return new Endpoints(System.getProperty(KAFKA), System.getProperty(PG_URL),
                System.getProperty(PG_USER), System.getProperty(PG_PASSWORD), System.getProperty(JWT_DIR),
                System.getProperty(KAFKA_DIR));
    }

    private static void startForThisJvm() {
        try {
            Path base = Files.createTempDirectory("tousu-infra-");
            LocalPostgres pg = externalPostgres();
            if (pg == null) {
                pg = LocalPostgres.start(base.resolve("pg"), FreePorts.pick(), true);
            }
            String external = System.getenv("LOCAL_KAFKA_BOOTSTRAP");
            if (external == null) {
                int port = FreePorts.pick();
                System.setProperty(KAFKA_PORT, String.valueOf(port));
                System.setProperty(KAFKA_PID, String.valueOf(
                        LocalKafka.start(base.resolve("kafka"), port, Duration.ofSeconds(60)).pid()));
            }
            JwtIssuer.in(base.resolve("jwt"));
            System.setProperty(KAFKA, external == null ? "localhost:" + System.getProperty(KAFKA_PORT) : external);
            System.setProperty(KAFKA_DIR, base.resolve("kafka").toString());
            System.setProperty(PG_URL, pg.jdbcUrl(""));
            System.setProperty(PG_USER, pg.user());
            System.setProperty(PG_PASSWORD, pg.password());
            System.setProperty(JWT_DIR, base.resolve("jwt").toString());
            LocalPostgres startedPg = pg;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopBrokerProcess();
                startedPg.close();
                deleteTree(base);
            }, "local-infra-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code LOCAL_PG_URL} (an admin JDBC URL), {@code LOCAL_PG_USER}, {@code LOCAL_PG_PASSWORD}. */
    static LocalPostgres externalPostgres() {
        String url = System.getenv("LOCAL_PG_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return LocalPostgres.external(url, envOr("LOCAL_PG_USER", "postgres"), envOr("LOCAL_PG_PASSWORD", ""));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** Where this JVM's broker, database and keys are. */
    public record Endpoints(String kafkaBootstrap, String jdbcUrlPrefix, String dbUser, String dbPassword,
                            String jwtDir, String kafkaDir) {
        public String jdbcUrl(String database) {
            return jdbcUrlPrefix + database;
        }

        public void createDatabase(String database) {
            LocalPostgres.external(jdbcUrlPrefix + "postgres", dbUser, dbPassword).createDatabases(List.of(database));
        }
    }
}
