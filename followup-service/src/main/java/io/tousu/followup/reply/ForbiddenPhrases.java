package io.tousu.followup.reply;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The service centre's forbidden phrases (服务忌语), found in a reply however it is typed:
 * full-width or half-width, with or without punctuation and spaces between the characters.
 */
public final class ForbiddenPhrases {

    /** A phrase from {@code policy/phrases/forbidden.json} and why it must not be said. */
    public record Phrase(String phrase, String why) {
    }

    /** The policy file's shape. */
    public record File(String source, String note, List<Phrase> phrases) {
    }

    private record Normalised(Phrase phrase, String text) {
    }

    private final List<Normalised> phrases;

    public ForbiddenPhrases(List<Phrase> phrases) {
        this.phrases = phrases.stream().map(p -> new Normalised(p, normalise(p.phrase())))
                .filter(p -> !p.text().isEmpty()).toList();
    }

    /** The phrases found in {@code message}, in the file's order; empty when it is clean. */
    public List<Phrase> foundIn(String message) {
        String text = normalise(message);
        return phrases.stream().filter(p -> text.contains(p.text())).map(Normalised::phrase).toList();
    }

    /** NFKC (full-width letters, digits and punctuation become half-width), lower case, letters and digits only. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
