package io.tousu.routing.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Classifies a complaint that arrived without a category from its subject and description: a
 * naive Bayes model learned from labelled complaints, with the keyword rules as added evidence.
 * Each category's evidence becomes a probability (the model's log-likelihood scaled by a
 * temperature, plus the keyword score times its weight, normalised over the categories); the
 * decision's confidence is the probability that the complaint belongs to the best category's
 * department (the sum over the categories routed there). Below the minimum the complaint is left
 * for triage, with the candidates for whoever triages it.
 */
public final class ComplaintClassifier {
    static final int CANDIDATES = 3;

    /** How the model's and the keywords' evidence is weighed; from the pack's classification file. */
    public record Weights(double smoothing, double temperature, double keywordWeight) {
    }

    public record Candidate(String category, double probability) {
    }

    /** The best category, how sure (0..1), and the best {@value CANDIDATES} candidates. */
    public record Decision(String category, double confidence, List<Candidate> candidates) {
    }

    private final NaiveBayes model;
    private final KeywordClassifier keywords;
    private final Weights weights;
    private final UnaryOperator<String> department;

    /**
     * @param department the department a category is routed to by default, for the confidence
     */
    public ComplaintClassifier(NaiveBayes model, KeywordClassifier keywords, Weights weights,
                               UnaryOperator<String> department) {
        this.model = model;
        this.keywords = keywords;
        this.weights = weights;
        this.department = department;
    }

    /** The decision, or empty when the text has nothing the model or the keywords know. */
    public Optional<Decision> classify(String subject, String description) {
        Set<String> features = TextFeatures.of(subject, description);
        NaiveBayes.Scores scores = model.score(features);
        Map<String, Integer> matches = keywords.scores(subject, description);
        if (scores.knownFeatures() == 0 && matches.isEmpty()) {
            return Optional.empty();
        }
        List<String> classes = model.classes();
        double[] evidence = new double[classes.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < evidence.length; c++) {
            Integer keywordScore = matches.get(classes.get(c));
            evidence[c] = scores.logLikelihoods()[c] / weights.temperature()
                    + (keywordScore == null ? 0 : weights.keywordWeight() * Math.log1p(keywordScore));
            max = Math.max(max, evidence[c]);
        }
        double total = 0;
        for (int c = 0; c < evidence.length; c++) {
            evidence[c] = Math.exp(evidence[c] - max);
            total += evidence[c];
        }
        List<Candidate> ranked = new ArrayList<>(classes.size());
        for (int c = 0; c < evidence.length; c++) {
            ranked.add(new Candidate(classes.get(c), evidence[c] / total));
        }
        ranked.sort(Comparator.comparingDouble(Candidate::probability).reversed());
        String best = ranked.get(0).category();
        String bestDepartment = department.apply(best);
        double confidence = ranked.stream().filter(x -> bestDepartment.equals(department.apply(x.category())))
                .mapToDouble(Candidate::probability).sum();
        return Optional.of(new Decision(best, Math.min(1, confidence),
                ranked.subList(0, Math.min(CANDIDATES, ranked.size())).stream()
                        .map(x -> new Candidate(x.category(), Math.round(x.probability() * 1000) / 1000.0)).toList()));
    }
}
