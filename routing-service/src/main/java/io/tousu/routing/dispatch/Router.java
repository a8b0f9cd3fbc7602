package io.tousu.routing.dispatch;

import io.tousu.routing.classification.CategoryChoice;
import io.tousu.routing.classification.ComplaintClassifier;
import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.escalation.EscalationLadder;
import io.tousu.routing.priority.PriorityAssessor;
import io.tousu.routing.rules.Outcome;
import io.tousu.routing.rules.RoutingInput;
import io.tousu.routing.rules.RuleSet;
import io.tousu.routing.taxonomy.TaxonomyPack;
import io.tousu.routing.workorder.RoutingDecision;

import java.util.Optional;
import java.util.Set;

/**
 * Decides where a complaint goes: its category (given, or classified from the text), the first
 * routing rule that matches, and its priority. Plain logic over data, no I/O.
 */
public final class Router {
    /** Named on decisions no rule could make: every department a rule offers has returned the complaint. */
    static final String TRIAGE_RULE = "triage";
    /** Triage when every department returned the complaint: the default department, above the front line. */
    static final int TRIAGE_LEVEL = EscalationLadder.DEPARTMENT;

    private final TaxonomyPack pack;
    private final ComplaintClassifier classifier;
    private final double minConfidence;
    private final PriorityAssessor assessor;

    public Router(TaxonomyPack pack, ComplaintClassifier classifier, double minConfidence, PriorityAssessor assessor) {
        this.pack = pack;
        this.classifier = classifier;
        this.minConfidence = minConfidence;
        this.assessor = assessor;
    }

    /**
     * The category of a complaint: the channel's if it is a known code, else classified; left
     * empty (so the default department triages it) when the classifier is unsure or finds nothing.
     */
    public CategoryChoice categorise(ReceivedComplaint c) {
        if (pack.isCategory(c.category())) {
            return CategoryChoice.given(c.category());
        }
        return classifier.classify(c.subject(), c.description())
                .map(found -> CategoryChoice.of(found, minConfidence))
                .orElse(CategoryChoice.none());
    }

    /**
     * @param excluded departments that returned the complaint and must not get it again
     */
    public RoutingDecision route(ReceivedComplaint c, String category, RuleSet rules, boolean repeat,
                                 Set<String> excluded) {
        Optional<RuleSet.Match> match = rules.firstMatch(RoutingInput.of(c, category), pack, excluded);
        if (match.isEmpty()) {
            PriorityAssessor.Assessment assessed = assessor.assess(c, repeat, null);
            return new RoutingDecision(pack.defaultDepartment(), assessed.priority(), assessed.reasons(),
                    TRIAGE_LEVEL, TRIAGE_RULE, rules.version());
        }
        Outcome then = match.get().rule().then();
        String ruleId = match.get().rule().id();
        PriorityAssessor.Assessment assessed = assessor.assess(c, repeat,
                new PriorityAssessor.RuleFloor(ruleId, then == null ? null : then.priority()));
        int level = then == null || then.escalationLevel() == null ? EscalationLadder.FRONT_LINE : then.escalationLevel();
        return new RoutingDecision(match.get().department(), assessed.priority(), assessed.reasons(), level, ruleId,
                rules.version());
    }
}
