package io.tousu.routing.workorder;

import java.util.ArrayList;
import java.util.List;

/** Where a complaint goes, how urgently and at which level, and why: the rule that decided is always named. */
public record RoutingDecision(String department, Priority priority, List<String> priorityReasons,
                              int escalationLevel, String ruleId, int ruleVersion) {

    static final String INCIDENT = "INCIDENT";

    /** The same decision for an incident's work order: at least HIGH, because many customers wait on it. */
    public RoutingDecision forIncident() {
        return raisedFor(INCIDENT, escalationLevel);
    }

    /** The same decision at {@code level}, at least HIGH, with {@code reason} added to the reasons. */
    public RoutingDecision raisedFor(String reason, int level) {
        List<String> reasons = new ArrayList<>(priorityReasons);
        reasons.add(reason);
        return new RoutingDecision(department, priority.atLeast(Priority.HIGH), List.copyOf(reasons), level, ruleId,
                ruleVersion);
    }

    /** The same decision at no lower a level than {@code level}: a re-route keeps the level reached. */
    public RoutingDecision atLevel(int level) {
        return new RoutingDecision(department, priority, priorityReasons, Math.max(level, escalationLevel), ruleId,
                ruleVersion);
    }
}
