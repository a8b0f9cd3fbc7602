package io.tousu.routing.classification;

import java.util.List;

/**
 * A complaint's category and where it came from: {@code GIVEN} by the channel, {@code CLASSIFIED}
 * from the text, {@code UNSURE} when the classifier was not sure enough (no category; the
 * candidates go with the order to triage), or {@code NONE} when the text said nothing it knows.
 * {@code confidence} and {@code candidates} are the classifier's, when it was asked.
 */
public record CategoryChoice(String code, String source, Double confidence, List<ComplaintClassifier.Candidate> candidates) {
    public static final String GIVEN = "GIVEN";
    public static final String CLASSIFIED = "CLASSIFIED";
    public static final String UNSURE = "UNSURE";
    public static final String NONE = "NONE";

    public static CategoryChoice given(String code) {
        return new CategoryChoice(code, GIVEN, null, List.of());
    }

    public static CategoryChoice none() {
        return new CategoryChoice(null, NONE, null, List.of());
    }

    /** The classifier's decision, kept only when it is at least {@code minConfidence} sure. */
    public static CategoryChoice of(ComplaintClassifier.Decision d, double minConfidence) {
        boolean sure = d.confidence() >= minConfidence;
        return new CategoryChoice(sure ? d.category() : null, sure ? CLASSIFIED : UNSURE,
                Math.round(d.confidence() * 1000) / 1000.0, d.candidates());
    }
}
