package io.tousu.routing.rules;

/** One routing rule: a stable id, why it exists, when it applies and what it decides. */
public record RoutingRule(String id, String description, Conditions when, Outcome then) {

    public Conditions conditions() {
        return when == null ? Conditions.ANY : when;
    }
}
