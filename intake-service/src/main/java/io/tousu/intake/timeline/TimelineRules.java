package io.tousu.intake.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.tousu.intake.complaint.ComplaintStatus;
import io.tousu.platform.messaging.IncomingEvent;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What each routing and follow-up event means to a channel system asking "where is my
 * complaint?": the status it moves the complaint to (if any) and the line it adds to the timeline.
 */
public final class TimelineRules {

    /** A timeline line; {@code status} is null when the event does not change the status. */
    public record Step(String type, ComplaintStatus status, String by, String detail) {
    }

    private record Rule(ComplaintStatus status, String by, Function<JsonNode, String> detail) {
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("WorkOrderDispatched", new Rule(ComplaintStatus.DISPATCHED, "routing",
                    d -> "dispatched to " + text(d, "department") + " (rule " + text(d, "ruleId") + " v" + text(d, "ruleVersion") + ")")),
            Map.entry("WorkOrderAccepted", new Rule(ComplaintStatus.IN_PROGRESS, "department",
                    d -> "accepted by " + text(d, "handler") + " of " + text(d, "department"))),
            Map.entry("WorkOrderResultSubmitted", new Rule(ComplaintStatus.RESULT_RETURNED, "department",
                    d -> text(d, "outcome") + ": " + text(d, "resolution"))),
            Map.entry("WorkOrderReturned", new Rule(null, "department",
                    d -> "returned by " + text(d, "department") + ": " + text(d, "reason"))),
            Map.entry("ComplaintEscalated", new Rule(ComplaintStatus.ESCALATED, "routing",
                    d -> "escalated to L" + text(d, "escalationLevel") + ": " + text(d, "reason"))),
            Map.entry("WorkOrderCancelled", new Rule(null, "routing",
                    d -> "work order at " + text(d, "department") + " cancelled: " + text(d, "reason"))),
            Map.entry("IncidentLinked", new Rule(null, "routing", d -> "linked to incident " + text(d, "incidentId")
                    + (d.hasNonNull("answersAlone") ? " (keeps its own work order: " + text(d, "answersAlone") + ")" : ""))),
            Map.entry("IncidentResolved", new Rule(null, "routing",
                    d -> "incident " + text(d, "incidentId") + " answered: " + text(d, "resolution"))),
            Map.entry("WorkOrderUrged", new Rule(null, "supervisor",
                    d -> "department " + text(d, "department") + " urged: " + text(d, "reason"))),
            Map.entry("CoHandlingRequested", new Rule(null, "department",
                    d -> text(d, "department") + " asked " + text(d, "helperDepartment") + " to help: " + text(d, "reason"))),
            Map.entry("CoHandlingContributed", new Rule(null, "department",
                    d -> text(d, "helperDepartment") + " helped: " + text(d, "resolution"))),
            Map.entry("WorkOrderTransferred", new Rule(null, "supervisor",
                    d -> "transferred from " + text(d, "department") + " to " + text(d, "toDepartment") + ": " + text(d, "reason"))),
            Map.entry("WorkOrderSuspended", new Rule(null, "department",
                    d -> "suspended by " + text(d, "department") + ": " + text(d, "reason"))),
            Map.entry("WorkOrderResumed", new Rule(null, "department", d -> "resumed by " + text(d, "department"))),
            Map.entry("ComplaintMerged", new Rule(null, "supervisor",
                    d -> "merged into complaint " + text(d, "intoComplaintId") + ": " + text(d, "reason"))),
            Map.entry("ProgressNotified", new Rule(null, "followup", d -> "progress notice sent to the customer")),
            Map.entry("CustomerReplied", new Rule(ComplaintStatus.REPLIED, "followup",
                    d -> "reply sent by " + text(d, "agentId") + " via " + text(d, "channel"))),
            Map.entry("CallbackRecorded", new Rule(null, "followup", d -> "callback: " + text(d, "satisfaction"))),
            Map.entry("ComplaintReopened", new Rule(ComplaintStatus.REOPENED, "followup", d -> "reopened: " + text(d, "reason"))),
            Map.entry("EscalationRequested", new Rule(null, "followup", d -> "escalation requested: " + text(d, "reason"))),
            Map.entry("SlaBreached", new Rule(null, "followup", d -> text(d, "kind") + " deadline breached")),
            Map.entry("ComplaintClosed", new Rule(ComplaintStatus.CLOSED, "followup", d -> "closed")));

    private TimelineRules() {
    }

    /** True for the events that add a line to the timeline; the others need not be read or recorded. */
    public static boolean shows(IncomingEvent event) {
        return RULES.containsKey(event.typeName());
    }

    /** The step for an event type (without version), or empty for types channel systems need not see. */
    public static Optional<Step> step(String eventType, JsonNode data) {
        Rule rule = RULES.get(eventType);
        return rule == null ? Optional.empty()
                : Optional.of(new Step(eventType, rule.status(), rule.by(), rule.detail().apply(data)));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? "?" : value.asText();
    }
}
