package io.tousu.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a service uses of Kafka, from its own {@code application.properties} (the topics its
 * channels read, whether by pattern, its group) and from what its code publishes (listed here,
 * as the README's topic table says; a service that starts publishing elsewhere adds it here and
 * to its KafkaUser).
 */
record ServiceConfig(String name, String group, Set<String> consumes, boolean consumesDepartmentResults,
                     Set<String> publishes) {
    static final List<String> SERVICES = List.of("intake-service", "routing-service", "followup-service",
            "reporting-service");
    /** Fed over HTTP, so scaled on CPU rather than on lag. */
    static final Set<String> HTTP_FED = Set.of("intake-service");
    private static final Map<String, List<String>> PUBLISHES = Map.of(
            "intake-service", List.of("complaints.received", "complaints.rejected"),
            "routing-service", List.of("complaints.routing", "workorders.<dept>"),
            "followup-service", List.of("complaints.followup", "notifications.outbound", "policies.sla"),
            "reporting-service", List.of());

    static ServiceConfig of(Path root, String service, List<String> departments) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        }
        Set<String> consumes = new TreeSet<>();
        boolean departmentResults = false;
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                String channel = key.substring(0, key.length() - "topic".length());
                if (Boolean.parseBoolean(p.getProperty(channel + "pattern", "false"))) {
                    departmentResults = true; // routing's workorders.results.<dept>, one per department
                } else {
                    consumes.add(p.getProperty(key));
                }
            }
        }
        Set<String> publishes = new TreeSet<>();
        for (String topic : PUBLISHES.get(service)) {
            if (topic.contains("<dept>")) {
                departments.forEach(d -> publishes.add(topic.replace("<dept>", d)));
            } else {
                publishes.add(topic);
            }
        }
        return new ServiceConfig(service, p.getProperty("quarkus.application.name"), consumes, departmentResults,
                publishes);
    }

    /** Every topic it reads: its channels' and, by pattern, each department's results. */
    Set<String> reads(List<String> departments) {
        Set<String> all = new TreeSet<>(consumes);
        if (consumesDepartmentResults) {
            departments.forEach(d -> all.add("workorders.results." + d));
        }
        return all;
    }

    /** Every topic it writes: what it publishes, and the dead letters of what it reads. */
    Set<String> writes(List<String> departments) {
        Set<String> all = new TreeSet<>(publishes);
        reads(departments).forEach(t -> all.add(t + ".dlq"));
        return all;
    }
}
