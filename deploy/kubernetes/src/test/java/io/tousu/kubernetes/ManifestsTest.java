package io.tousu.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both overlays render with {@code kubectl kustomize} and every object passes: core kinds the
 * Kubernetes client's strict models, custom resources their CRDs' schemas, and the project's
 * rules. Each rule is then shown to fail on a manifest broken for it.
 */
class ManifestsTest {
    private static Schemas schemas;
    private static List<String> departments;
    private static List<ServiceConfig> services;
    private static Rendered prod;

    @BeforeAll
    static void load() throws Exception {
        Path root = Rendered.root();
        schemas = new Schemas(root.resolveSibling("shared").resolve("k8s/crds"));
        departments = DepartmentManifests.departments(root);
        services = new ArrayList<>();
        for (String s : ServiceConfig.SERVICES) {
            services.add(ServiceConfig.of(root, s, departments));
        }
        prod = Rendered.of("prod");
    }

    private static List<String> schemaErrors(Rendered rendered) {
        return rendered.objects().stream().flatMap(o -> schemas.check(o).stream()).toList();
    }

    private static ProjectRules rules(Rendered rendered) {
        return new ProjectRules(rendered, services, departments);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayRendersAndPassesTheSchemasAndTheRules(String overlay) throws Exception {
        Rendered rendered = Rendered.of(overlay);
        assertThat(rendered.objects()).hasSizeGreaterThan(100);
        assertThat(schemaErrors(rendered)).isEmpty();
        assertThat(rules(rendered).all()).isEmpty();
        System.out.printf("%s: %d objects valid%n", overlay, rendered.objects().size());
    }

    @Test
    void theDepartmentTopicsAndUsersAreWhatTheGeneratorWritesFromTheDepartmentPack() throws Exception {
        Path file = Rendered.root().resolve("deploy/kubernetes/base/kafka/departments.yaml");
        assertThat(Files.readString(file)).as("run deploy/kubernetes/generate after changing the departments")
                .isEqualTo(DepartmentManifests.render(Rendered.root()));
    }

    @Test
    void theOverlaysDifferWhereTheyShould() throws Exception {
        Rendered dev = Rendered.of("dev");
        assertThat(dev.get("KafkaNodePool", "dual-role").path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(prod.get("KafkaNodePool", "dual-role").path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(prod.get("KafkaTopic", "complaints.received").path("spec").path("config")
                .path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(prod.get("Cluster", "routing-db").path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(prod.get("Cluster", "routing-db").path("spec").path("bootstrap").path("initdb").path("encoding").asText())
                .isEqualTo("UTF8");
        assertThat(prod.get("Deployment", "routing-service").path("spec").path("template").path("spec")
                .path("affinity").path("podAntiAffinity").isObject()).isTrue();
    }

    // Each check fails on a manifest broken for it.

    @Test
    void aCoreObjectWithAnUnknownOrMissingFieldFails() {
        Rendered broken = prod.copy();
        ObjectNode deployment = broken.get("Deployment", "routing-service");
        ((ObjectNode) deployment.path("spec")).put("replicaz", 3);
        assertThat(schemaErrors(broken)).anySatisfy(e -> assertThat(e).contains("Deployment routing-service", "replicaz"));
        Rendered missing = prod.copy();
        ((ObjectNode) missing.get("Service", "routing-service").path("spec").path("ports").get(0)).remove("port");
        assertThat(schemaErrors(missing)).anySatisfy(e -> assertThat(e).contains("Service routing-service", "port"));
    }

    @Test
    void aCustomResourceThatItsCrdRefusesFailsAndAnUnknownKindFails() {
        Rendered broken = prod.copy();
        ((ObjectNode) broken.get("KafkaTopic", "complaints.received").path("spec")).put("partitionz", 12);
        ((ObjectNode) broken.get("ScaledObject", "routing-service").path("spec")).put("maxReplicaCount", "many");
        assertThat(schemaErrors(broken)).anySatisfy(e -> assertThat(e).contains("KafkaTopic complaints.received", "partitionz"))
                .anySatisfy(e -> assertThat(e).contains("ScaledObject routing-service", "maxReplicaCount"));
        Rendered unknown = prod.copy();
        unknown.objects().add(Rendered.YAML.createObjectNode().put("apiVersion", "example.com/v1").put("kind", "Widget"));
        assertThat(schemaErrors(unknown)).anySatisfy(e -> assertThat(e).contains("neither a core kind nor covered by a CRD"));
    }

    @Test
    void aDeploymentWithoutAProbeOrLimitsFails() {
        Rendered broken = prod.copy();
        ObjectNode container = (ObjectNode) broken.get("Deployment", "followup-service").path("spec").path("template")
                .path("spec").path("containers").get(0);
        container.remove("readinessProbe");
        ((ObjectNode) container.path("resources")).remove("limits");
        assertThat(rules(broken).probesAndResources()).anySatisfy(e -> assertThat(e).contains("readinessProbe"))
                .anySatisfy(e -> assertThat(e).contains("resources.limits.memory"));
    }

    @Test
    void aDeploymentWithoutItsDisruptionBudgetOrWithAServiceThatMissesItFails() {
        Rendered broken = prod.copy();
        broken.objects().remove(broken.get("PodDisruptionBudget", "reporting-service"));
        ((ObjectNode) broken.get("Service", "reporting-service").path("spec").path("selector"))
                .put("app.kubernetes.io/name", "reporting");
        assertThat(rules(broken).disruptionBudgetsAndServices())
                .contains("Deployment reporting-service: no PodDisruptionBudget selects its pods",
                        "Deployment reporting-service: no Service selects its pods");
    }

    @Test
    void aScaledObjectOnAnotherGroupOrOtherTopicsFails() {
        Rendered broken = prod.copy();
        ArrayNode triggers = (ArrayNode) broken.get("ScaledObject", "followup-service").path("spec").path("triggers");
        ((ObjectNode) triggers.get(0).path("metadata")).put("consumerGroup", "followup");
        triggers.remove(2);
        ((ObjectNode) broken.get("ScaledObject", "reporting-service").path("spec")).put("maxReplicaCount", 50);
        assertThat(rules(broken).scaling())
                .anySatisfy(e -> assertThat(e).contains("followup-service", "group followup"))
                .anySatisfy(e -> assertThat(e).contains("followup-service: its ScaledObject watches"))
                .anySatisfy(e -> assertThat(e).contains("reporting-service: maxReplicaCount 50"));
    }

    @Test
    void aTopicAServiceUsesWithoutItsKafkaTopicFails() {
        Rendered broken = prod.copy();
        broken.objects().remove(broken.get("KafkaTopic", "notifications.receipts.dlq"));
        assertThat(rules(broken).topics())
                .containsExactly("followup-service uses topic notifications.receipts.dlq, which no KafkaTopic declares");
    }

    @Test
    void aSecretOrKeyThatNothingCreatesFails() {
        Rendered broken = prod.copy();
        ObjectNode env = (ObjectNode) broken.get("Deployment", "intake-service").path("spec").path("template")
                .path("spec").path("containers").get(0).path("env").get(1);
        ((ObjectNode) env.path("valueFrom").path("secretKeyRef")).put("key", "jdbc-url");
        ((ObjectNode) broken.get("TriggerAuthentication", "routing-service-kafka").path("spec").path("secretTargetRef")
                .get(0)).put("name", "routing");
        assertThat(rules(broken).secrets())
                .anySatisfy(e -> assertThat(e).contains("key jdbc-url of secret intake-db-app"))
                .anySatisfy(e -> assertThat(e).contains("secret routing, which nothing creates"));
    }

    @Test
    void anAclBeyondWhatAServiceOrDepartmentUsesFails() {
        Rendered broken = prod.copy();
        ArrayNode acls = (ArrayNode) broken.get("KafkaUser", "reporting-service").path("spec").path("authorization")
                .path("acls");
        acls.addObject().<ObjectNode>set("resource", Rendered.YAML.createObjectNode().put("type", "topic")
                .put("name", "complaints.received")).putArray("operations").add("Write").add("Describe");
        ArrayNode billing = (ArrayNode) broken.get("KafkaUser", "department-billing").path("spec").path("authorization")
                .path("acls");
        ((ObjectNode) billing.get(1).path("resource")).put("name", "workorders.results.network");
        assertThat(rules(broken).acls())
                .anySatisfy(e -> assertThat(e).contains("KafkaUser reporting-service may write", "complaints.received,"))
                .anySatisfy(e -> assertThat(e).contains("KafkaUser department-billing may write [workorders.results.network]"));
    }
}
