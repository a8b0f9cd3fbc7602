package io.tousu.routing.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Classifies a complaint that arrived without a category from its Chinese subject and
 * description. Each category lists the words customers use for it; a matched word scores its
 * length in characters (a longer phrase is more specific), doubled in the subject, where the
 * agent writes the gist. The highest score wins; on a tie the rule listed first.
 */
public final class KeywordClassifier {
    private static final int SUBJECT_WEIGHT = 2;

    public record Rule(String category, List<String> keywords) {
    }

    /** The category chosen and the words that chose it, so the decision can be explained. */
    public record Classification(String category, List<String> matched, int score) {
    }

    private final List<Rule> rules;

    public KeywordClassifier(List<Rule> rules) {
        this.rules = rules.stream()
                .map(r -> new Rule(r.category(), r.keywords().stream().map(KeywordClassifier::normalise).toList()))
                .toList();
    }

    public Optional<Classification> classify(String subject, String description) {
        String s = normalise(subject);
        String d = normalise(description);
        Classification best = null;
        for (Rule rule : rules) {
            int score = 0;
            List<String> matched = new ArrayList<>();
            for (String keyword : rule.keywords()) {
                int weight = (s.contains(keyword) ? SUBJECT_WEIGHT : 0) + (d.contains(keyword) ? 1 : 0);
                if (weight > 0) {
                    score += weight * keyword.length();
                    matched.add(keyword);
                }
            }
            if (score > 0 && (best == null || score > best.score())) {
                best = new Classification(rule.category(), List.copyOf(matched), score);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Case-insensitive for the Latin words customers mix in (SP, APP, 5G). */
    private static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
