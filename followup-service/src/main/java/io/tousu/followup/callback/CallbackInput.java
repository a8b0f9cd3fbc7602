package io.tousu.followup.callback;

import io.tousu.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A callback (回访) as the agent records it. */
public record CallbackInput(String level, Boolean reached, String satisfaction, String comment, String agentId) {
    static final Set<String> LEVELS = Set.of("L1", "L2", "L3");
    static final Set<String> SATISFACTION = Set.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED");

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (level == null || !LEVELS.contains(level)) {
            errors.add(new FieldError("level", "must be one of L1, L2, L3"));
        }
        if (reached == null) {
            errors.add(new FieldError("reached", "must be true or false"));
        } else if (reached && (satisfaction == null || !SATISFACTION.contains(satisfaction))) {
            errors.add(new FieldError("satisfaction", "is required when reached: SATISFIED, BASICALLY_SATISFIED or UNSATISFIED"));
        } else if (!reached && satisfaction != null) {
            errors.add(new FieldError("satisfaction", "must be absent when the customer was not reached"));
        }
        if (agentId == null || agentId.isBlank() || agentId.length() > 100) {
            errors.add(new FieldError("agentId", "must be 1 to 100 characters"));
        }
        if (comment != null && comment.length() > 2000) {
            errors.add(new FieldError("comment", "must be at most 2000 characters"));
        }
        return errors;
    }

    boolean satisfied() {
        return "SATISFIED".equals(satisfaction) || "BASICALLY_SATISFIED".equals(satisfaction);
    }
}
