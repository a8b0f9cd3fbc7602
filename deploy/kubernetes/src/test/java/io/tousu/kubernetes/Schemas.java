package io.tousu.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether each rendered object is what the cluster would accept. A core kind must deserialise
 * strictly with the Kubernetes Java client's model of it (no unknown field, every required one,
 * the right types); a custom resource must validate against its CRD's {@code openAPIV3Schema}
 * from {@code ../shared/k8s/crds}, where an object that does not preserve unknown fields
 * rejects them, as the API server prunes and, with strict field validation, refuses them. Any
 * other kind is an error.
 */
final class Schemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CORE_GROUPS = Set.of("", "apps", "policy", "networking.k8s.io", "batch",
            "autoscaling", "rbac.authorization.k8s.io");
    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    private final Map<String, JsonSchema> crds = new HashMap<>();

    /** The CRDs of {@code dir}: every served version of every kind. */
    Schemas(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the operators' CRDs are expected in " + dir + " (shared/k8s/crds)");
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (ObjectNode crd : Rendered.parse(Files.readString(file))) {
                    JsonNode spec = crd.path("spec");
                    for (JsonNode version : spec.path("versions")) {
                        JsonNode schema = version.path("schema").path("openAPIV3Schema");
                        if (version.path("served").asBoolean() && schema.isObject()) {
                            crds.put(key(spec.path("group").asText() + "/" + version.path("name").asText(),
                                    spec.path("names").path("kind").asText()), factory.getSchema(strict(schema.deepCopy())));
                        }
                    }
                }
            }
        }
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    /** Every problem of one object; empty when the cluster would accept it. */
    List<String> check(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String id = Rendered.id(object);
        JsonSchema crd = crds.get(key(apiVersion, kind));
        if (crd != null) {
            return crd.validate(object).stream().map(ValidationMessage::getMessage).map(m -> id + ": " + m).toList();
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if (!CORE_GROUPS.contains(group)) {
            return List.of(id + ": " + apiVersion + " " + kind + " is neither a core kind nor covered by a CRD");
        }
        try {
            Class<?> model = Class.forName(MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind);
            Method validate = model.getMethod("validateJsonElement", com.google.gson.JsonElement.class);
            validate.invoke(null, JsonParser.parseString(JSON.writeValueAsString(object)));
            return List.of();
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return List.of(id + ": the Kubernetes client knows no " + apiVersion + " " + kind);
        } catch (InvocationTargetException e) {
            return List.of(id + ": " + e.getCause().getMessage());
        } catch (IOException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The schema with {@code additionalProperties: false} on every object that lists its
     * properties and neither preserves unknown fields nor says what else it takes.
     */
    static JsonNode strict(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode node = (ObjectNode) schema;
            if (node.has("properties") && !node.has("additionalProperties")
                    && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                node.put("additionalProperties", false);
            }
            List<JsonNode> children = new ArrayList<>();
            node.elements().forEachRemaining(children::add);
            children.forEach(Schemas::strict);
        } else if (schema.isArray()) {
            for (Iterator<JsonNode> it = schema.elements(); it.hasNext(); ) {
                strict(it.next());
            }
        }
        return schema;
    }
}
