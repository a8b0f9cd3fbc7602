package io.tousu.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The project's own rules over a rendered overlay; each returns its violations, empty when it holds. */
final class ProjectRules {
    static final String HEALTH_READY = "/q/health/ready";
    static final String HEALTH_LIVE = "/q/health/live";
    /** Created at install by the operator (README, Kubernetes): the issuer's public key. */
    static final Map<String, Set<String>> INSTALLED_SECRETS = Map.of("tousu-jwt", Set.of("publicKey.pem"));
    /** What CloudNativePG puts in a cluster's {@code <cluster>-app} secret. */
    static final Set<String> CNPG_APP_KEYS = Set.of("jdbc-uri", "username", "password", "host", "port", "dbname", "uri",
            "pgpass", "user");
    /** What Strimzi's user operator puts in a SCRAM user's secret, and its cluster operator in the CA secret. */
    static final Set<String> SCRAM_USER_KEYS = Set.of("password", "sasl.jaas.config");
    static final Set<String> CLUSTER_CA_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");

    private final Rendered r;
    private final List<ServiceConfig> services;
    private final List<String> departments;

    ProjectRules(Rendered rendered, List<ServiceConfig> services, List<String> departments) {
        this.r = rendered;
        this.services = services;
        this.departments = departments;
    }

    List<String> all() {
        List<String> all = new ArrayList<>();
        all.addAll(probesAndResources());
        all.addAll(disruptionBudgetsAndServices());
        all.addAll(scaling());
        all.addAll(topics());
        all.addAll(secrets());
        all.addAll(acls());
        return all;
    }

    /** Every Deployment's containers: readiness and liveness on the health paths, requests and limits. */
    List<String> probesAndResources() {
        List<String> errors = new ArrayList<>();
        r.ofKind("Deployment").forEach(d -> d.path("spec").path("template").path("spec").path("containers").forEach(c -> {
            String at = Rendered.id(d) + " container " + c.path("name").asText();
            if (!HEALTH_READY.equals(c.path("readinessProbe").path("httpGet").path("path").asText())) {
                errors.add(at + ": readinessProbe must GET " + HEALTH_READY);
            }
            if (!HEALTH_LIVE.equals(c.path("livenessProbe").path("httpGet").path("path").asText())) {
                errors.add(at + ": livenessProbe must GET " + HEALTH_LIVE);
            }
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (c.path("resources").path(kind).path(resource).isMissingNode()) {
                        errors.add(at + ": resources." + kind + "." + resource + " is missing");
                    }
                }
            }
        }));
        return errors;
    }

    /** Every Deployment has a PodDisruptionBudget and a Service whose selectors match its pods. */
    List<String> disruptionBudgetsAndServices() {
        List<String> errors = new ArrayList<>();
        r.ofKind("Deployment").forEach(d -> {
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            if (r.ofKind("PodDisruptionBudget").noneMatch(p -> selects(p.path("spec").path("selector").path("matchLabels"), labels))) {
                errors.add(Rendered.id(d) + ": no PodDisruptionBudget selects its pods");
            }
            if (r.ofKind("Service").noneMatch(s -> selects(s.path("spec").path("selector"), labels))) {
                errors.add(Rendered.id(d) + ": no Service selects its pods");
            }
        });
        return errors;
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (var it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every consuming service has a ScaledObject on its Deployment: on its group's lag on exactly the
     * topics its channels read (or on CPU, if it is fed over HTTP), never scaling past the partitions
     * of the largest of them (a replica beyond those would have no partition to read).
     */
    List<String> scaling() {
        List<String> errors = new ArrayList<>();
        for (ServiceConfig s : services) {
            if (s.consumes().isEmpty()) {
                continue;
            }
            Optional<ObjectNode> found = r.ofKind("ScaledObject")
                    .filter(o -> s.name().equals(o.path("spec").path("scaleTargetRef").path("name").asText())).findFirst();
            if (found.isEmpty()) {
                errors.add(s.name() + ": no ScaledObject scales its Deployment");
                continue;
            }
            JsonNode spec = found.get().path("spec");
            Set<String> topics = new TreeSet<>();
            int maxPartitions = 0;
            for (JsonNode t : spec.path("triggers")) {
                if (!"kafka".equals(t.path("type").asText())) {
                    continue;
                }
                JsonNode m = t.path("metadata");
                if (!s.group().equals(m.path("consumerGroup").asText())) {
                    errors.add(s.name() + ": a kafka trigger watches group " + m.path("consumerGroup").asText()
                            + ", not the service's " + s.group());
                }
                topics.add(m.path("topic").asText());
                maxPartitions = Math.max(maxPartitions, partitions(m.path("topic").asText()));
            }
            if (topics.isEmpty() && ServiceConfig.HTTP_FED.contains(s.name())) {
                continue;
            }
            if (!topics.equals(s.consumes())) {
                errors.add(s.name() + ": its ScaledObject watches " + topics + " but it reads " + s.consumes());
            }
            if (spec.path("maxReplicaCount").asInt(Integer.MAX_VALUE) > maxPartitions) {
                errors.add(s.name() + ": maxReplicaCount " + spec.path("maxReplicaCount").asInt()
                        + " exceeds the partitions of the topics it reads (at most " + maxPartitions + ")");
            }
        }
        return errors;
    }

    private int partitions(String topic) {
        return kafkaTopics().getOrDefault(topic, Map.of()).getOrDefault("partitions", 0);
    }

    private Map<String, Map<String, Integer>> kafkaTopics() {
        Map<String, Map<String, Integer>> topics = new HashMap<>();
        r.ofKind("KafkaTopic").forEach(t -> topics.put(t.path("spec").path("topicName").asText(Rendered.name(t)),
                Map.of("partitions", t.path("spec").path("partitions").asInt())));
        return topics;
    }

    /** Every topic a service reads or writes (dead letters included) exists as a KafkaTopic. */
    List<String> topics() {
        Set<String> declared = kafkaTopics().keySet();
        List<String> errors = new ArrayList<>();
        for (ServiceConfig s : services) {
            Set<String> used = new TreeSet<>(s.reads(departments));
            used.addAll(s.writes(departments));
            used.stream().filter(Predicate.not(declared::contains))
                    .forEach(t -> errors.add(s.name() + " uses topic " + t + ", which no KafkaTopic declares"));
        }
        return errors;
    }

    /** Every secret and key referenced exists in the overlay or is made by an operator (or at install, README). */
    List<String> secrets() {
        Map<String, Set<String>> known = new HashMap<>(INSTALLED_SECRETS);
        r.ofKind("Secret").forEach(s -> {
            Set<String> keys = new HashSet<>();
            s.path("data").fieldNames().forEachRemaining(keys::add);
            s.path("stringData").fieldNames().forEachRemaining(keys::add);
            known.put(Rendered.name(s), keys);
        });
        r.ofKind("Cluster").forEach(c -> known.put(Rendered.name(c) + "-app", CNPG_APP_KEYS));
        r.ofKind("KafkaUser").forEach(u -> known.put(Rendered.name(u), SCRAM_USER_KEYS));
        r.ofKind("Kafka").forEach(k -> known.put(Rendered.name(k) + "-cluster-ca-cert", CLUSTER_CA_KEYS));
        List<String> errors = new ArrayList<>();
        r.objects().forEach(o -> references(o, (secret, key) -> {
            if (!known.containsKey(secret)) {
                errors.add(Rendered.id(o) + " refers to secret " + secret + ", which nothing creates");
            } else if (key != null && !known.get(secret).contains(key)) {
                errors.add(Rendered.id(o) + " refers to key " + key + " of secret " + secret + ", which it does not hold");
            }
        }));
        return errors;
    }

    private interface Reference {
        void to(String secret, String key);
    }

    private static void references(JsonNode o, Reference ref) {
        if ("TriggerAuthentication".equals(o.path("kind").asText())) {
            o.path("spec").path("secretTargetRef").forEach(s -> ref.to(s.path("name").asText(), s.path("key").asText()));
            return;
        }
        JsonNode pod = o.path("spec").path("template").path("spec");
        pod.path("containers").forEach(c -> {
            c.path("env").forEach(e -> {
                JsonNode s = e.path("valueFrom").path("secretKeyRef");
                if (s.isObject()) {
                    ref.to(s.path("name").asText(), s.path("key").asText());
                }
            });
            c.path("envFrom").forEach(e -> {
                if (e.has("secretRef")) {
                    ref.to(e.path("secretRef").path("name").asText(), null);
                }
            });
        });
        pod.path("volumes").forEach(v -> {
            JsonNode s = v.path("secret");
            if (s.isObject()) {
                if (s.path("items").isEmpty()) {
                    ref.to(s.path("secretName").asText(), null);
                }
                s.path("items").forEach(i -> ref.to(s.path("secretName").asText(), i.path("key").asText()));
            }
        });
    }

    /**
     * Each service's KafkaUser reads exactly the topics it reads, writes exactly what it publishes and
     * its dead letters, and reads only its group; each department's reads only its work orders and
     * writes only its own results topic.
     */
    List<String> acls() {
        List<String> errors = new ArrayList<>();
        for (ServiceConfig s : services) {
            Optional<ObjectNode> user = r.find("KafkaUser", s.name());
            if (user.isEmpty()) {
                errors.add(s.name() + ": no KafkaUser");
                continue;
            }
            expect(errors, user.get(), s.reads(departments), s.writes(departments), s.group());
        }
        for (String d : departments) {
            Optional<ObjectNode> user = r.find("KafkaUser", "department-" + d);
            if (user.isEmpty()) {
                errors.add("department " + d + ": no KafkaUser");
                continue;
            }
            expect(errors, user.get(), Set.of("workorders." + d), Set.of("workorders.results." + d), "department-" + d);
        }
        return errors;
    }

    private static void expect(List<String> errors, JsonNode user, Set<String> reads, Set<String> writes, String group) {
        Set<String> read = new TreeSet<>();
        Set<String> write = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> other = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode res = acl.path("resource");
            Set<String> ops = new TreeSet<>();
            acl.path("operations").forEach(op -> ops.add(op.asText()));
            String name = res.path("name").asText();
            String type = res.path("type").asText();
            boolean literal = !"prefix".equals(res.path("patternType").asText("literal"));
            if ("topic".equals(type) && literal && ops.equals(Set.of("Read", "Describe"))) {
                read.add(name);
            } else if ("topic".equals(type) && literal && ops.equals(Set.of("Write", "Describe"))) {
                write.add(name);
            } else if ("group".equals(type) && ops.equals(Set.of("Read", "Describe"))) {
                groups.add(name);
            } else {
                other.add(type + " " + name + " " + ops + (literal ? "" : " (prefix)"));
            }
        }
        String who = "KafkaUser " + Rendered.name(user);
        if (!read.equals(reads)) {
            errors.add(who + " may read " + read + " but needs exactly " + reads);
        }
        if (!write.equals(writes)) {
            errors.add(who + " may write " + write + " but needs exactly " + writes);
        }
        if (!groups.equals(Set.of(group))) {
            errors.add(who + " may use groups " + groups + " but needs exactly " + group);
        }
        if (!other.isEmpty()) {
            errors.add(who + " has ACLs no service needs: " + other);
        }
    }
}
