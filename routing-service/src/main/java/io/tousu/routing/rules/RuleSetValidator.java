package io.tousu.routing.rules;

import io.tousu.platform.policy.ReferralSources;
import io.tousu.platform.problem.FieldError;
import io.tousu.routing.escalation.EscalationLadder;
import io.tousu.routing.taxonomy.TaxonomyPack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a whole rule set before it is published, and names every mistake by its JSON path, so
 * an administrator fixes them in one go and a broken set never reaches a dispatch.
 */
public final class RuleSetValidator {
    static final Set<String> CHANNELS = Set.of("HOTLINE", "APP", "COUNTER", "EMAIL", "MEDIA", "REGULATOR");
    static final Set<String> TYPES = Set.of("COMPLAINT", "FAULT", "INQUIRY", "SUGGESTION", "PRAISE", "REPORT");
    static final List<String> REFERRAL_SOURCES = ReferralSources.codes();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final TaxonomyPack pack;
    private final Set<String> departments;

    public RuleSetValidator(TaxonomyPack pack, Set<String> departments) {
        this.pack = pack;
        this.departments = departments;
    }

    public List<FieldError> validate(List<RoutingRule> rules) {
        List<FieldError> errors = new ArrayList<>();
        if (rules == null || rules.isEmpty()) {
            errors.add(new FieldError("rules", "must list at least the default rule"));
            return errors;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = "rules[" + i + "]";
            RoutingRule rule = rules.get(i);
            if (rule == null) {
                errors.add(new FieldError(at, "must be a rule"));
                continue;
            }
            if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
                errors.add(new FieldError(at + ".id", "must be 1-100 letters, digits, '.', '_' or '-'"));
            } else if (!ids.add(rule.id())) {
                errors.add(new FieldError(at + ".id", "duplicates an earlier rule's id " + rule.id()));
            }
            conditions(rule.conditions(), at + ".when", errors);
            outcome(rule.then(), at + ".then", errors);
        }
        if (!rules.get(rules.size() - 1).conditions().isCatchAll()) {
            errors.add(new FieldError("rules[" + (rules.size() - 1) + "].when",
                    "the last rule is the default and must have no conditions"));
        }
        return errors;
    }

    private void conditions(Conditions when, String at, List<FieldError> errors) {
        each(when.categories(), at + ".categories", pack::isCategory, "is not a category of pack " + pack.name(), errors);
        each(when.channels(), at + ".channels", CHANNELS::contains, "must be one of " + CHANNELS, errors);
        each(when.types(), at + ".types", TYPES::contains, "must be one of " + TYPES, errors);
        each(when.referralSources(), at + ".referralSources", REFERRAL_SOURCES::contains,
                "must be one of " + REFERRAL_SOURCES, errors);
        each(when.areas(), at + ".areas", s -> !s.isBlank(), "must not be blank", errors);
        each(when.keywords(), at + ".keywords", s -> !s.isBlank(), "must not be blank", errors);
    }

    private void outcome(Outcome then, String at, List<FieldError> errors) {
        if (then == null) {
            return;
        }
        if (then.department() != null && !departments.contains(then.department())) {
            errors.add(new FieldError(at + ".department", "is not a department: " + then.department()));
        }
        if (then.escalationLevel() != null && (then.escalationLevel() < EscalationLadder.FRONT_LINE
                || then.escalationLevel() > EscalationLadder.LEADERSHIP)) {
            errors.add(new FieldError(at + ".escalationLevel", "must be 1 (front line) to 4 (leadership)"));
        }
    }

    private static void each(List<String> values, String at, Predicate<String> valid, String message,
                             List<FieldError> errors) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !valid.test(value)) {
                errors.add(new FieldError(at + "[" + i + "]", message));
            }
        }
    }
}
