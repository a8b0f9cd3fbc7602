package io.tousu.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An overlay as {@code kubectl kustomize} renders it: its objects, in order, as JSON trees. */
record Rendered(String overlay, List<ObjectNode> objects) {
    static final ObjectMapper YAML = new YAMLMapper();

    static Path root() {
        return Path.of(System.getProperty("tousu.root", "../..")).toAbsolutePath().normalize();
    }

    /** Renders {@code deploy/kubernetes/overlays/<overlay>}; kubectl must be on the PATH (these machines have it). */
    static Rendered of(String overlay) throws IOException, InterruptedException {
        Path dir = root().resolve("deploy/kubernetes/overlays").resolve(overlay);
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render the manifests (kubectl kustomize) and was not "
                    + "found on the PATH: install it (e.g. Debian's kubernetes-client) and run again", e);
        }
        byte[] out = kubectl.getInputStream().readAllBytes();
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(2, TimeUnit.MINUTES) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed:\n" + err);
        }
        return new Rendered(overlay, parse(new String(out, StandardCharsets.UTF_8)));
    }

    static List<ObjectNode> parse(String yaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var docs = YAML.readValues(parser, ObjectNode.class);
            while (docs.hasNext()) {
                objects.add(docs.next());
            }
        }
        return objects;
    }

    /** A deep copy, for a test to break. */
    Rendered copy() {
        return new Rendered(overlay, new ArrayList<>(objects.stream().map(ObjectNode::deepCopy).toList()));
    }

    Stream<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).filter(o -> name.equals(name(o))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + overlay));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + " " + name(object);
    }
}
