package io.tousu.routing.priority;

import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.workorder.Priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How urgent a complaint is, and why. Regulator and media referrals are URGENT; VIP customers,
 * repeat complaints and wording that threatens the regulator or the media (escalation risk)
 * are HIGH; the rule that routed it may set a floor. Every reason is kept for the work order.
 */
public final class PriorityAssessor {
    private static final Set<String> URGENT_CHANNELS = Set.of("REGULATOR", "MEDIA");

    public record Assessment(Priority priority, List<String> reasons) {
    }

    private final List<String> escalationWording;

    public PriorityAssessor(List<String> escalationWording) {
        this.escalationWording = List.copyOf(escalationWording);
    }

    public Assessment assess(ReceivedComplaint c, boolean repeat, RuleFloor floor) {
        List<String> reasons = new ArrayList<>();
        Priority priority = Priority.NORMAL;
        if (URGENT_CHANNELS.contains(c.channel())) {
            reasons.add("CHANNEL:" + c.channel());
            priority = Priority.URGENT;
        }
        if (c.referralSource() != null) {
            reasons.add("REFERRAL:" + c.referralSource());
            priority = Priority.URGENT;
        }
        if (c.vip()) {
            reasons.add("VIP");
            priority = priority.atLeast(Priority.HIGH);
        }
        if (repeat) {
            reasons.add("REPEAT");
            priority = priority.atLeast(Priority.HIGH);
        }
        String text = c.text();
        for (String phrase : escalationWording) {
            if (text.contains(phrase)) {
                reasons.add("WORDING:" + phrase);
                priority = priority.atLeast(Priority.HIGH);
            }
        }
        if (floor != null && floor.priority() != null && priority.atLeast(floor.priority()) != priority) {
            reasons.add("RULE:" + floor.ruleId());
            priority = priority.atLeast(floor.priority());
        }
        return new Assessment(priority, List.copyOf(reasons));
    }

    /** The minimum priority a routing rule sets, named by the rule. */
    public record RuleFloor(String ruleId, Priority priority) {
    }
}
