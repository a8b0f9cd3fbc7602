package io.tousu.followup.events;

/**
 * The reply time an agent promises the customer at intake ("we will reply within 24 hours").
 * Followup owns it with the rest of the SLA pack; intake learns it from {@code policies.sla}.
 */
public record PromisePolicy(String pack, String name, int hours, boolean referralDueByWins) {
    public PromisePolicy {
        if (hours < 1 || hours > 24 * 30) {
            throw new IllegalArgumentException("promise of " + hours + " hours is outside 1 hour .. 30 days");
        }
    }
}
