package io.tousu.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The infrastructure of {@code deploy/local/run}: a broker and a database that keep their data
 * under {@code <dir>} between runs, the signing keys, and a token per role and department.
 * Runs until it is stopped (SIGTERM / Ctrl-C).
 *
 * <p>Usage: {@code LocalInfraMain <dir> <kafkaPort> <pgPort> <departments.json>}
 */
public final class LocalInfraMain {
    static final List<String> ROLES = List.of("channel", "agent", "supervisor", "analyst", "admin");
    static final List<String> CHANNELS = List.of("HOTLINE", "APP", "COUNTER", "EMAIL", "MEDIA", "REGULATOR");
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    private LocalInfraMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int kafkaPort = Integer.parseInt(args[1]);
        int pgPort = Integer.parseInt(args[2]);
        List<String> departments = departmentCodes(Path.of(args[3]));

        // Registered first: a stop during start-up must not orphan the broker or the database.
        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    System.err.println("stopping " + started.get(i) + ": " + e);
                }
            }
            stopped.countDown();
        }, "local-infra-stop"));

        LocalPostgres external = LocalInfra.externalPostgres();
        LocalPostgres pg = external != null ? external : LocalPostgres.start(dir.resolve("pg"), pgPort, false);
        started.add(pg);
        pg.createDatabases(LocalInfra.DATABASES);
        LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), kafkaPort, Duration.ofSeconds(90));
        started.add(kafka);

        JwtIssuer issuer = JwtIssuer.in(dir.resolve("keys"));
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : ROLES) {
            tokens.put(role, role.equals("channel") ? issuer.forChannels("channel-gateway", CHANNELS) : issuer.forRole(role));
        }
        for (String channel : CHANNELS) {
            tokens.put("channel-" + channel, issuer.forChannels(channel.toLowerCase() + "-system", List.of(channel)));
        }
        for (String dept : departments) {
            tokens.put("department-" + dept, issuer.forDepartment(dept));
        }
        Path tokenDir = dir.getParent().resolve("tokens");
        Files.createDirectories(tokenDir);
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            Files.writeString(tokenDir.resolve(token.getKey() + ".jwt"), token.getValue() + "\n");
        }
        Files.writeString(dir.resolve("infra.env"), String.join("\n",
                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                "DB_URL_PREFIX=" + pg.jdbcUrl(""),
                "QUARKUS_DATASOURCE_USERNAME=" + pg.user(),
                "QUARKUS_DATASOURCE_PASSWORD=" + pg.password(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + issuer.publicKeyFile(),
                "MP_JWT_VERIFY_ISSUER=" + JwtIssuer.ISSUER,
                ""));

        System.out.println("READY kafka=" + kafka.bootstrapServers() + " postgres=" + pg.jdbcUrl("")
                + " tokens=" + tokenDir);
        stopped.await();
    }

    static List<String> departmentCodes(Path departmentsJson) throws IOException {
        List<String> codes = new ArrayList<>();
        Matcher m = DEPARTMENT_CODE.matcher(Files.readString(departmentsJson));
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
