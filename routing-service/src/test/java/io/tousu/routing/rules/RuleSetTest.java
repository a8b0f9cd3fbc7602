package io.tousu.routing.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.policy.PolicyFiles;
import io.tousu.routing.taxonomy.Taxonomy;
import io.tousu.routing.taxonomy.TaxonomyPack;
import io.tousu.routing.workorder.Priority;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetTest {
    private final Taxonomy taxonomy = new Taxonomy(new ObjectMapper(), "telecom");
    private final TaxonomyPack pack = taxonomy.pack();
    private final RuleSet rules = new RuleSet(7, List.of(
            new RoutingRule("beijing-vip-fees", null,
                    new Conditions(List.of("FEES"), null, null, List.of("北京市"), null, true, null),
                    new Outcome("service", Priority.HIGH, 2)),
            new RoutingRule("fraud-words", null,
                    new Conditions(null, List.of("HOTLINE"), null, null, List.of("诈骗"), null, null),
                    new Outcome("security", null, null)),
            new RoutingRule("default", null, null, new Outcome(null, null, 1))), Instant.EPOCH, "test");

    private static RoutingInput input(String category, String area, String text, boolean vip) {
        return new RoutingInput(category, "HOTLINE", "COMPLAINT", area, text, vip, null);
    }

    @Test
    void everyConditionMustHoldCategoriesCoverTheirSubCategoriesAndAreasMatchByPrefix() {
        assertThat(rules.firstMatch(input("FEES.SP_CHARGE", "北京市海淀区", "", true), pack, Set.of()))
                .hasValueSatisfying(m -> assertThat(m.rule().id()).isEqualTo("beijing-vip-fees"));
        assertThat(rules.firstMatch(input("FEES.SP_CHARGE", "上海市", "", true), pack, Set.of()))
                .hasValueSatisfying(m -> assertThat(m.rule().id()).isEqualTo("default"));
        assertThat(rules.firstMatch(input("FEES.SP_CHARGE", "北京市海淀区", "", false), pack, Set.of()))
                .hasValueSatisfying(m -> assertThat(m.department()).isEqualTo("billing"));
    }

    @Test
    void theFirstMatchWinsAndTheDefaultTakesTheCategoryDepartment() {
        var match = rules.firstMatch(input("FEES.SP_CHARGE", "北京市", "疑似诈骗", true), pack, Set.of()).orElseThrow();
        assertThat(match.rule().id()).isEqualTo("beijing-vip-fees");
        assertThat(rules.firstMatch(input("BASIC.DATA", null, "接到诈骗电话", false), pack, Set.of()).orElseThrow()
                .department()).isEqualTo("security");
        assertThat(rules.firstMatch(input(null, null, "", false), pack, Set.of()).orElseThrow().department())
                .isEqualTo("service");
    }

    @Test
    void departmentsThatReturnedTheComplaintAreSkipped() {
        assertThat(rules.firstMatch(input("BASIC.DATA", null, "诈骗", false), pack, Set.of("security")).orElseThrow()
                .department()).isEqualTo("network");
        assertThat(rules.firstMatch(input("BASIC.DATA", null, "", false), pack, Set.of("network"))).isEmpty();
    }

    @Test
    void theValidatorNamesEveryMistakeByItsPath() {
        RuleSetValidator validator = new RuleSetValidator(pack, Set.of("billing", "service"));
        var errors = validator.validate(List.of(
                new RoutingRule("ok", null, new Conditions(List.of("FEES"), List.of("HOTLINE"), null, null,
                        List.of(" "), null, List.of("MIIT", "NASA")), new Outcome("billing", null, 4)),
                new RoutingRule("bad id!", null, null, new Outcome("nowhere", null, 0))));
        assertThat(errors).extracting(e -> e.field()).containsExactlyInAnyOrder("rules[0].when.keywords[0]",
                "rules[0].when.referralSources[1]", "rules[1].id", "rules[1].then.department",
                "rules[1].then.escalationLevel");
        assertThat(validator.validate(List.of(new RoutingRule("default", null, null, null)))).isEmpty();
        assertThat(validator.validate(List.of())).extracting(e -> e.field()).containsExactly("rules");
    }

    @Test
    void theShippedPacksAreValid() {
        for (String name : List.of("telecom", "power")) {
            Taxonomy t = new Taxonomy(new ObjectMapper(), name);
            RuleBook.RulesFile file = PolicyFiles.read(new ObjectMapper(), "policy/rules/" + name + ".json",
                    RuleBook.RulesFile.class);
            RuleSetValidator validator = new RuleSetValidator(t.pack(),
                    Set.copyOf(t.departments().stream().map(d -> d.code()).toList()));
            assertThat(validator.validate(file.rules())).as(name).isEmpty();
        }
    }
}
