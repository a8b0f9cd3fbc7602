package io.tousu.reporting.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The searchable form of a text: NFKC (full-width forms to half-width), lower case, letters and
 * digits only; and its grams: every character and every pair of neighbours. A query of one
 * character needs that gram, of more every pair of it; the index finds the candidates, the
 * normalised text confirms the match.
 */
public final class SearchText {
    private SearchText() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The grams stored for a text. */
    public static Set<String> grams(String normalised) {
        Set<String> grams = new LinkedHashSet<>();
        int[] cps = normalised.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            grams.add(new String(cps, i, 1));
            if (i + 1 < cps.length) {
                grams.add(new String(cps, i, 2));
            }
        }
        return grams;
    }

    /** The grams a stored text must hold to match the query: the character, or every pair. */
    public static List<String> required(String normalisedQuery) {
        int[] cps = normalisedQuery.codePoints().toArray();
        if (cps.length == 1) {
            return List.of(normalisedQuery);
        }
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            pairs.add(new String(cps, i, 2));
        }
        return List.copyOf(pairs);
    }
}
