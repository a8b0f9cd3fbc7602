package io.tousu.routing.priority;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.policy.PolicyFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.List;

/** The phrases that signal escalation risk, {@code policy/escalation-wording.json}. */
@ApplicationScoped
public class EscalationWording {
    record WordingFile(String description, List<String> phrases) {
    }

    @Produces
    @ApplicationScoped
    PriorityAssessor assessor(ObjectMapper mapper) {
        return new PriorityAssessor(
                PolicyFiles.read(mapper, "policy/escalation-wording.json", WordingFile.class).phrases());
    }
}
