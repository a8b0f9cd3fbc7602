package io.tousu.routing.classification;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the model reads of a complaint: the character n-grams (one to three characters) of its
 * subject and description, normalised (NFKC, so full-width forms match half-width; lower case)
 * and cut at punctuation and spaces. Chinese needs no word segmentation this way, and a phrase
 * written with other words around it still shares most of its grams. The subject, where the
 * agent writes the gist, adds its grams again, marked, so that they count twice.
 */
public final class TextFeatures {
    static final int MAX_GRAM = 3;

    private TextFeatures() {
    }

    public static Set<String> of(String subject, String description) {
        Set<String> features = new HashSet<>();
        String s = normalise(subject);
        add(features, s, "s");
        add(features, s, "");
        add(features, normalise(description), "");
        return features;
    }

    static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static void add(Set<String> features, String text, String mark) {
        int runStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || !Character.isLetterOrDigit(text.charAt(i))) {
                grams(features, text, runStart, i, mark);
                runStart = i + 1;
            }
        }
    }

    private static void grams(Set<String> features, String text, int from, int to, String mark) {
        for (int i = from; i < to; i++) {
            for (int n = 1; n <= MAX_GRAM && i + n <= to; n++) {
                features.add(mark + text.substring(i, i + n));
            }
        }
    }
}
