package io.tousu.routing.routing;

import io.tousu.routing.workorder.Priority;

/** Where a complaint goes and why: the rule that decided is always named. */
public record RoutingDecision(String department, Priority priority, int escalationLevel, String ruleId,
                              int ruleVersion) {
}
