package io.tousu.routing.classification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words customers use for each category, as evidence beside the learned model. A matched
 * word scores its length in characters (a longer phrase is more specific), doubled in the
 * subject, where the agent writes the gist.
 */
public final class KeywordClassifier {
    private static final int SUBJECT_WEIGHT = 2;

    public record Rule(String category, List<String> keywords) {
    }

    /** A category's keyword score and the words that made it, so that a decision can be explained. */
    public record Match(String category, List<String> matched, int score) {
    }

    private final List<Rule> rules;

    public KeywordClassifier(List<Rule> rules) {
        this.rules = rules.stream()
                .map(r -> new Rule(r.category(), r.keywords().stream().map(TextFeatures::normalise).toList()))
                .toList();
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Every category with at least one word in the text, by category. */
    public Map<String, Match> matches(String subject, String description) {
        String s = TextFeatures.normalise(subject);
        String d = TextFeatures.normalise(description);
        Map<String, Match> found = new HashMap<>();
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
            if (score > 0) {
                found.merge(rule.category(), new Match(rule.category(), List.copyOf(matched), score),
                        (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        return found;
    }
}
