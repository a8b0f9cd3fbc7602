package io.tousu.routing.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.routing.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyword rules against labelled complaints written from the seeds' cases: the labelled set
 * the rules were tuned on, and a held-out set they never saw, which shows how they generalise.
 */
class ClassificationAccuracyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KeywordClassifier classifier = new ClassificationRules()
            .classifier(MAPPER, new Taxonomy(MAPPER, "telecom"));

    record Labelled(String subject, String description, String category) {
    }

    static List<Labelled> read(String resource) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ClassificationAccuracyTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.isBlank()).map(l -> {
                try {
                    JsonNode n = MAPPER.readTree(l);
                    return new Labelled(n.get("subject").asText(), n.get("description").asText(), n.get("category").asText());
                } catch (IOException e) {
                    throw new IllegalStateException(l, e);
                }
            }).toList();
        }
    }

    private double accuracy(List<Labelled> set) {
        long right = set.stream().filter(l -> classifier.classify(l.subject(), l.description())
                .map(KeywordClassifier.Classification::category).filter(l.category()::equals).isPresent()).count();
        return (double) right / set.size();
    }

    @Test
    void classifiesAtLeastNinetyPercentOfTheLabelledSet() throws IOException {
        List<Labelled> set = read("/classification/telecom-labelled.jsonl");
        assertThat(set).hasSizeGreaterThanOrEqualTo(200);
        double accuracy = accuracy(set);
        System.out.printf("classification accuracy on %d labelled complaints: %.1f%%%n", set.size(), accuracy * 100);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void heldOutComplaintsShowHowTheRulesGeneralise() throws IOException {
        // telecom-holdout: not tuned on, but its misses inspired examples in the broadening brief (95 %).
        // telecom-holdout-2: written blind to the rules and the other sets, after all tuning (92.3 %).
        for (String name : List.of("telecom-holdout", "telecom-holdout-2")) {
            List<Labelled> set = read("/classification/" + name + ".jsonl");
            double accuracy = accuracy(set);
            System.out.printf("classification accuracy on %d held-out complaints (%s): %.1f%%%n", set.size(), name,
                    accuracy * 100);
            assertThat(accuracy).as(name).isGreaterThanOrEqualTo(0.90);
        }
    }

    @Test
    void explainsItsChoiceAndScoresTheSubjectAboveTheDescription() {
        var found = classifier.classify("宽带断网", "光猫红灯,流量也用不了").orElseThrow();
        assertThat(found.category()).isEqualTo("OWN.BROADBAND");
        assertThat(found.matched()).isNotEmpty();
        assertThat(classifier.classify("你好", "谢谢")).isEmpty();
    }
}
