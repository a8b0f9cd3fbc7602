package io.tousu.routing.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.routing.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How well the classifier sorts complaints it has not seen into top-level categories (the
 * department), with a complaint it sends to triage counted as a miss: five-fold cross-validation
 * over each pack's corpus (per-category precision and recall printed), and the blind sets
 * written apart from the corpus and from all tuning. The README reports these figures; the
 * assertions keep them from sliding back.
 */
class ClassificationAccuracyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TRIAGE = "(triage)";

    /** Predicted and true top-level categories of a set; accuracy counts triage as a miss. */
    record Outcome(List<String[]> pairs) {
        double accuracy() {
            return (double) pairs.stream().filter(p -> p[0].equals(p[1])).count() / pairs.size();
        }

        double precision() {
            List<String[]> routed = pairs.stream().filter(p -> !p[0].equals(TRIAGE)).toList();
            return (double) routed.stream().filter(p -> p[0].equals(p[1])).count() / routed.size();
        }

        double triaged() {
            return (double) pairs.stream().filter(p -> p[0].equals(TRIAGE)).count() / pairs.size();
        }

        String report(String name) {
            StringBuilder s = new StringBuilder(String.format("%s: %d complaints, accuracy %.1f%% (triage counted as a miss), "
                    + "precision %.1f%% over the %.1f%% not sent to triage%n", name, pairs.size(), accuracy() * 100,
                    precision() * 100, (1 - triaged()) * 100));
            Map<String, int[]> per = new TreeMap<>(); // true positives, predicted, actual
            for (String[] p : pairs) {
                per.computeIfAbsent(p[1], k -> new int[3])[2]++;
                if (!p[0].equals(TRIAGE)) {
                    per.computeIfAbsent(p[0], k -> new int[3])[1]++;
                }
                if (p[0].equals(p[1])) {
                    per.get(p[1])[0]++;
                }
            }
            per.forEach((category, n) -> s.append(String.format("  %-11s precision %5.1f%%  recall %5.1f%%  (%d)%n", category,
                    n[1] == 0 ? 0 : 100.0 * n[0] / n[1], n[2] == 0 ? 0 : 100.0 * n[0] / n[2], n[2])));
            return s.toString();
        }
    }

    private static String top(String category) {
        int dot = category.indexOf('.');
        return dot < 0 ? category : category.substring(0, dot);
    }

    private static double minConfidence() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ClassificationAccuracyTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return Double.parseDouble(p.getProperty("tousu.routing.classification.min-confidence"));
    }

    private static ComplaintClassifier.Weights weights(String pack) throws IOException {
        return MAPPER.treeToValue(MAPPER.readTree(ClassificationAccuracyTest.class
                .getResourceAsStream("/policy/classification/" + pack + ".json")).get("model"), ComplaintClassifier.Weights.class);
    }

    private static Outcome evaluate(ComplaintClassifier classifier, List<ClassificationRules.Labelled> set,
                                    double minConfidence) {
        List<String[]> pairs = new ArrayList<>();
        for (ClassificationRules.Labelled l : set) {
            CategoryChoice choice = classifier.classify(l.subject(), l.description())
                    .map(d -> CategoryChoice.of(d, minConfidence)).orElse(CategoryChoice.none());
            pairs.add(new String[]{choice.code() == null ? TRIAGE : top(choice.code()), top(l.category())});
        }
        return new Outcome(pairs);
    }

    private static Outcome crossValidated(String pack) throws IOException {
        Taxonomy taxonomy = new Taxonomy(MAPPER, pack);
        List<ClassificationRules.Labelled> corpus = new ArrayList<>(ClassificationRules.corpus(MAPPER, pack));
        Collections.shuffle(corpus, new Random(7));
        List<String[]> pairs = new ArrayList<>();
        for (int fold = 0; fold < 5; fold++) {
            List<ClassificationRules.Labelled> train = new ArrayList<>();
            List<ClassificationRules.Labelled> test = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                (i % 5 == fold ? test : train).add(corpus.get(i));
            }
            ComplaintClassifier classifier = ClassificationRules.train(MAPPER, taxonomy, train, weights(pack));
            pairs.addAll(evaluate(classifier, test, minConfidence()).pairs());
        }
        return new Outcome(pairs);
    }

    private static Outcome blind(String pack, String resource) throws IOException {
        Taxonomy taxonomy = new Taxonomy(MAPPER, pack);
        ComplaintClassifier classifier = ClassificationRules.train(MAPPER, taxonomy,
                ClassificationRules.corpus(MAPPER, pack), weights(pack));
        return evaluate(classifier, ClassificationRules.readLabelled(MAPPER, resource), minConfidence());
    }

    @Test
    void crossValidatedOverEachPacksCorpus() throws IOException {
        Outcome telecom = crossValidated("telecom");
        Outcome power = crossValidated("power");
        System.out.print(telecom.report("telecom, 5-fold cross-validation"));
        System.out.print(power.report("power, 5-fold cross-validation"));
        assertThat(telecom.pairs()).hasSizeGreaterThanOrEqualTo(1300);
        assertThat(power.pairs()).hasSizeGreaterThanOrEqualTo(550);
        assertThat(telecom.accuracy()).isGreaterThanOrEqualTo(0.78);
        assertThat(telecom.precision()).isGreaterThanOrEqualTo(0.82);
        assertThat(power.accuracy()).isGreaterThanOrEqualTo(0.78);
        assertThat(power.precision()).isGreaterThanOrEqualTo(0.89);
    }

    @Test
    void onBlindSetsWrittenApartFromTheCorpusAndFromAllTuning() throws IOException {
        Outcome telecom = blind("telecom", "classification/blind/telecom.jsonl");
        Outcome power = blind("power", "classification/blind/power.jsonl");
        // Written for the keyword rules' first evaluation; the rules were later broadened from the first one's misses.
        Outcome older = blind("telecom", "classification/telecom-holdout.jsonl");
        Outcome older2 = blind("telecom", "classification/telecom-holdout-2.jsonl");
        System.out.print(telecom.report("telecom, blind set"));
        System.out.print(power.report("power, blind set"));
        System.out.print(older.report("telecom, earlier held-out set 1"));
        System.out.print(older2.report("telecom, earlier held-out set 2"));
        assertThat(telecom.pairs()).hasSize(220);
        assertThat(power.pairs()).hasSize(110);
        // The target is 90 % accuracy and 97 % precision; measured once, at the end: 95.0 %
        // and 95.4 % (telecom), 95.5 % and 96.3 % (power). Precision misses its target (README).
        assertThat(telecom.accuracy()).isGreaterThanOrEqualTo(0.90);
        assertThat(power.accuracy()).isGreaterThanOrEqualTo(0.90);
        assertThat(telecom.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(power.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(older.accuracy()).isGreaterThanOrEqualTo(0.90);
        assertThat(older2.accuracy()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void anUnsureDecisionGoesToTriageWithItsCandidatesAndNothingKnownGivesNoDecision() throws IOException {
        Taxonomy taxonomy = new Taxonomy(MAPPER, "telecom");
        ComplaintClassifier classifier = ClassificationRules.train(MAPPER, taxonomy,
                ClassificationRules.corpus(MAPPER, "telecom"), weights("telecom"));
        ComplaintClassifier.Decision broadband = classifier.classify("宽带断网", "光猫红灯一直闪，家里电脑和电视都上不了网").orElseThrow();
        assertThat(broadband.category()).isEqualTo("OWN.BROADBAND");
        assertThat(broadband.confidence()).isGreaterThan(minConfidence());
        assertThat(broadband.candidates()).hasSize(3).first().extracting(ComplaintClassifier.Candidate::category)
                .isEqualTo("OWN.BROADBAND");
        assertThat(CategoryChoice.of(broadband, minConfidence()).source()).isEqualTo(CategoryChoice.CLASSIFIED);

        CategoryChoice unsure = CategoryChoice.of(broadband, 1.01);
        assertThat(unsure.source()).isEqualTo(CategoryChoice.UNSURE);
        assertThat(unsure.code()).isNull();
        assertThat(unsure.candidates()).isEqualTo(broadband.candidates());
        assertThat(classifier.classify("", "")).isEmpty();
    }
}
