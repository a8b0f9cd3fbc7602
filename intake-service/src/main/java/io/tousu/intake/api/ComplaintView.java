package io.tousu.intake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tousu.intake.complaint.Complaint;
import io.tousu.intake.complaint.ComplaintStatus;
import io.tousu.intake.timeline.TimelineEntry;
import io.tousu.platform.time.ServiceZone;

import java.util.ArrayList;
import java.util.List;

/** What a channel system sees of a complaint: the submission, its current state and its timeline. */
final class ComplaintView {
    private ComplaintView() {
    }

    record Step(Object at, String type, String by, String detail) {
    }

    /** The first line, implied by the complaint itself rather than stored beside it. */
    private static Step received(Complaint c, ObjectNode submission, ServiceZone zone) {
        JsonNode agent = submission.path("firstResponder").path("agentId");
        String type = c.status == ComplaintStatus.RESOLVED_FIRST_CONTACT ? c.status.name() : ComplaintStatus.RECEIVED.name();
        return new Step(zone.show(c.receivedAt), type, agent.isTextual() ? agent.asText() : c.channel.name(), "via " + c.channel);
    }

    static String of(Complaint c, List<TimelineEntry> timeline, ServiceZone zone, ObjectMapper mapper) {
        try {
            ObjectNode view = mapper.createObjectNode();
            view.put("id", c.id.toString());
            view.put("number", c.number);
            view.put("status", c.status.name());
            view.set("receivedAt", mapper.valueToTree(zone.show(c.receivedAt)));
            view.set("promisedReplyBy", mapper.valueToTree(zone.show(c.promisedReplyBy)));
            ObjectNode submission = (ObjectNode) mapper.readTree(c.submission);
            submission.remove("receivedAt");
            view.setAll(submission);
            view.put("type", c.type.name());
            List<Step> steps = new ArrayList<>();
            steps.add(received(c, submission, zone));
            timeline.forEach(e -> steps.add(new Step(zone.show(e.at), e.type, e.by, e.detail)));
            view.set("timeline", mapper.valueToTree(steps));
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored submission of " + c.id + " is not JSON", e);
        }
    }
}
