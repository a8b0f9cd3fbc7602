package io.tousu.routing.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.policy.PolicyFiles;
import io.tousu.routing.taxonomy.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.List;

/** The configured pack's keyword rules, {@code policy/classification/<pack>.json}, checked against its taxonomy. */
@ApplicationScoped
public class ClassificationRules {
    record RulesFile(String pack, String description, List<KeywordClassifier.Rule> rules) {
    }

    @Produces
    @ApplicationScoped
    public KeywordClassifier classifier(ObjectMapper mapper, Taxonomy taxonomy) {
        RulesFile file = PolicyFiles.read(mapper, "policy/classification/" + taxonomy.packName() + ".json",
                RulesFile.class);
        for (KeywordClassifier.Rule rule : file.rules()) {
            if (!taxonomy.pack().isCategory(rule.category())) {
                throw new IllegalStateException("classification rule names unknown category " + rule.category());
            }
        }
        return new KeywordClassifier(file.rules());
    }
}
