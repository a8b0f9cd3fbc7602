package io.tousu.routing.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.policy.PolicyFiles;
import io.tousu.routing.taxonomy.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The configured pack's classifier, {@code policy/classification/<pack>.json}: the model trained
 * at start from the labelled corpus it names, and its keyword rules; every category checked
 * against the pack's taxonomy, so that a broken file stops the service at start.
 */
@ApplicationScoped
public class ClassificationRules {
    record ClassificationFile(String pack, String description, List<String> corpus, ComplaintClassifier.Weights model,
                              List<KeywordClassifier.Rule> rules) {
    }

    /** A labelled complaint of the corpus. */
    public record Labelled(String subject, String description, String category) {
    }

    @Produces
    @ApplicationScoped
    public ComplaintClassifier classifier(ObjectMapper mapper, Taxonomy taxonomy) {
        ClassificationFile file = file(mapper, taxonomy.packName());
        return train(file, corpus(mapper, file), taxonomy);
    }

    /** The classifier trained on {@code labelled} with the pack's keywords and weights: what cross-validation varies. */
    public static ComplaintClassifier train(ObjectMapper mapper, Taxonomy taxonomy, List<Labelled> labelled,
                                            ComplaintClassifier.Weights weights) {
        ClassificationFile file = file(mapper, taxonomy.packName());
        return train(new ClassificationFile(file.pack(), file.description(), file.corpus(), weights, file.rules()),
                labelled, taxonomy);
    }

    /** The pack's labelled corpus, every line of every file it names. */
    public static List<Labelled> corpus(ObjectMapper mapper, String pack) {
        return corpus(mapper, file(mapper, pack));
    }

    private static List<Labelled> corpus(ObjectMapper mapper, ClassificationFile file) {
        List<Labelled> all = new ArrayList<>();
        for (String name : file.corpus()) {
            all.addAll(readLabelled(mapper, "policy/classification/" + name));
        }
        return all;
    }

    /** One JSON object a line: subject, description, category. */
    public static List<Labelled> readLabelled(ObjectMapper mapper, String resource) {
        String text = new String(PolicyFiles.bytes(resource), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).map(l -> {
            JsonNode n;
            try {
                n = mapper.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException(resource + ": unreadable line " + l, e));
            }
            if (!n.path("category").isTextual()) {
                throw new IllegalStateException(resource + ": a line without its category: " + l);
            }
            return new Labelled(n.path("subject").asText(""), n.path("description").asText(""),
                    n.get("category").asText());
        }).toList();
    }

    private static ClassificationFile file(ObjectMapper mapper, String pack) {
        return PolicyFiles.read(mapper, "policy/classification/" + pack + ".json", ClassificationFile.class);
    }

    private static ComplaintClassifier train(ClassificationFile file, List<Labelled> labelled, Taxonomy taxonomy) {
        for (KeywordClassifier.Rule rule : file.rules()) {
            requireCategory(taxonomy, rule.category(), "classification rule");
        }
        List<NaiveBayes.Example> examples = labelled.stream().map(l -> {
            requireCategory(taxonomy, l.category(), "labelled complaint \"" + l.subject() + "\"");
            return new NaiveBayes.Example(l.category(), TextFeatures.of(l.subject(), l.description()));
        }).toList();
        return new ComplaintClassifier(NaiveBayes.train(examples, file.model().smoothing()),
                new KeywordClassifier(file.rules()), file.model(), taxonomy.pack()::departmentFor);
    }

    private static void requireCategory(Taxonomy taxonomy, String code, String what) {
        if (!taxonomy.pack().isCategory(code)) {
            throw new IllegalStateException(what + " names unknown category " + code);
        }
    }
}
