package io.tousu.routing.classification;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive Bayes model over the presence of text features, trained from labelled
 * complaints: per class, the smoothed log-probability of each feature seen in training. Classes
 * weigh alike (no prior): how often a category was written down for training says nothing of
 * how often customers complain of it. Features never seen in training are passed over.
 */
public final class NaiveBayes {
    /** One labelled complaint's features. */
    public record Example(String label, Set<String> features) {
    }

    private final List<String> classes;
    private final Map<String, float[]> logLikelihood;

    private NaiveBayes(List<String> classes, Map<String, float[]> logLikelihood) {
        this.classes = classes;
        this.logLikelihood = logLikelihood;
    }

    /**
     * @param smoothing added to every feature's count in every class (Lidstone; 1 is Laplace)
     */
    public static NaiveBayes train(Collection<Example> examples, double smoothing) {
        Map<String, Integer> index = new LinkedHashMap<>();
        examples.forEach(e -> index.putIfAbsent(e.label(), index.size()));
        List<String> classes = List.copyOf(index.keySet());
        Map<String, int[]> counts = new HashMap<>();
        long[] totals = new long[classes.size()];
        for (Example e : examples) {
            int c = index.get(e.label());
            for (String f : e.features()) {
                counts.computeIfAbsent(f, k -> new int[classes.size()])[c]++;
            }
            totals[c] += e.features().size();
        }
        int vocabulary = counts.size();
        double[] denominators = new double[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            denominators[c] = Math.log(totals[c] + smoothing * vocabulary);
        }
        Map<String, float[]> logLikelihood = new HashMap<>(counts.size() * 2);
        counts.forEach((f, n) -> {
            float[] l = new float[n.length];
            for (int c = 0; c < n.length; c++) {
                l[c] = (float) (Math.log(n[c] + smoothing) - denominators[c]);
            }
            logLikelihood.put(f, l);
        });
        return new NaiveBayes(classes, logLikelihood);
    }

    public List<String> classes() {
        return classes;
    }

    /** Per class (in {@link #classes()} order), the log-likelihood of the features and how many were known. */
    public Scores score(Set<String> features) {
        double[] scores = new double[classes.size()];
        int known = 0;
        for (String f : features) {
            float[] l = logLikelihood.get(f);
            if (l != null) {
                known++;
                for (int c = 0; c < scores.length; c++) {
                    scores[c] += l[c];
                }
            }
        }
        return new Scores(scores, known);
    }

    public record Scores(double[] logLikelihoods, int knownFeatures) {
    }
}
