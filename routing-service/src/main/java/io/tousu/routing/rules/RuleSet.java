package io.tousu.routing.rules;

import io.tousu.routing.taxonomy.TaxonomyPack;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One published version of the routing rules; the first rule that matches decides. */
public record RuleSet(int version, List<RoutingRule> rules, Instant publishedAt, String publishedBy) {

    /**
     * The first rule that matches and whose department (its own, or the category's when it names
     * none) is not excluded: a department that returned the complaint does not get it again.
     */
    public Optional<Match> firstMatch(RoutingInput input, TaxonomyPack pack, Set<String> excluded) {
        for (RoutingRule rule : rules) {
            if (!rule.conditions().matches(input, pack)) {
                continue;
            }
            String department = rule.then() == null || rule.then().department() == null
                    ? pack.departmentFor(input.category()) : rule.then().department();
            if (!excluded.contains(department)) {
                return Optional.of(new Match(rule, department));
            }
        }
        return Optional.empty();
    }

    public record Match(RoutingRule rule, String department) {
    }
}
