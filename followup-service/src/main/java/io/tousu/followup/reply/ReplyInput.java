package io.tousu.followup.reply;

import io.tousu.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A reply as an agent submits it. */
public record ReplyInput(String agentId, String channel, String message, boolean acknowledgeWarnings) {
    static final Set<String> CHANNELS = Set.of("PHONE", "SMS", "EMAIL");
    static final int MAX_MESSAGE = 4000;

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (agentId == null || agentId.isBlank() || agentId.length() > 100) {
            errors.add(new FieldError("agentId", "must be 1 to 100 characters"));
        }
        if (channel == null || !CHANNELS.contains(channel)) {
            errors.add(new FieldError("channel", "must be one of PHONE, SMS, EMAIL"));
        }
        if (message == null || message.isBlank() || message.length() > MAX_MESSAGE) {
            errors.add(new FieldError("message", "must be 1 to " + MAX_MESSAGE + " characters"));
        }
        return errors;
    }
}
