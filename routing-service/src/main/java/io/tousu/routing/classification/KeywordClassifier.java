package io.tousu.routing.classification;

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

    private final List<Rule> rules;

    public KeywordClassifier(List<Rule> rules) {
        this.rules = rules.stream()
                .map(r -> new Rule(r.category(), r.keywords().stream().map(TextFeatures::normalise).toList()))
                .toList();
    }

    /** The keyword score of every category with at least one word in the text. */
    public Map<String, Integer> scores(String subject, String description) {
        String s = TextFeatures.normalise(subject);
        String d = TextFeatures.normalise(description);
        Map<String, Integer> found = new HashMap<>();
        for (Rule rule : rules) {
            int score = 0;
            for (String keyword : rule.keywords()) {
                score += ((s.contains(keyword) ? SUBJECT_WEIGHT : 0) + (d.contains(keyword) ? 1 : 0)) * keyword.length();
            }
            if (score > 0) {
                found.merge(rule.category(), score, Math::max);
            }
        }
        return found;
    }
}
