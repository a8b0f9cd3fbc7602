package io.tousu.followup.sla;

import java.time.Duration;
import java.util.List;

/**
 * One clock of an SLA pack, as the pack file writes it: how long ({@code amount} in {@code unit})
 * from which {@code start}, which milestones stop it, whether a pause for the customer stops it
 * meanwhile, how long before the due time its owner is warned, what it does when it runs out,
 * and which complaints it applies to.
 */
public record ClockRule(String kind, String name, Unit unit, int amount, Start start, List<Milestone> stopOn,
                        Boolean pausable, Duration warnBefore, OnDue onDue, When when) {

    /** Which complaints run the clock; an empty or missing list matches any. */
    public record When(List<String> types, List<String> referralSources) {
        boolean matches(String type, String referralSource) {
            return (types == null || types.isEmpty() || types.contains(type))
                    && (referralSources == null || referralSources.isEmpty()
                    || referralSource != null && referralSources.contains(referralSource));
        }

        boolean needsFacts() {
            return types != null && !types.isEmpty() || referralSources != null && !referralSources.isEmpty();
        }
    }

    /** Working-day clocks pause while the centre waits for the customer, unless the pack says otherwise. */
    public boolean pauses() {
        return pausable != null ? pausable : unit == Unit.WORKING_DAYS;
    }

    public boolean appliesTo(String type, String referralSource) {
        return when == null || when.matches(type, referralSource);
    }

    /** Whether the clock depends on the complaint's type or referral, which only its receipt tells. */
    public boolean needsFacts() {
        return when != null && when.needsFacts();
    }

    /** What is wrong with the rule, or null. */
    String problem() {
        if (kind == null || !kind.matches("[A-Z][A-Z_]{1,31}")) {
            return "kind must be 2 to 32 capitals or underscores";
        }
        if (name == null || name.isBlank() || unit == null || unit == Unit.FIXED || start == null || onDue == null) {
            return "needs name, unit (HOURS, WORKING_DAYS or CALENDAR_DAYS), start and onDue";
        }
        if (amount < 1 || stopOn == null || stopOn.isEmpty()) {
            return "needs an amount of at least 1 and the milestones that stop it (stopOn)";
        }
        if (warnBefore != null && (warnBefore.isNegative() || warnBefore.isZero())) {
            return "warnBefore must be positive";
        }
        return null;
    }
}
