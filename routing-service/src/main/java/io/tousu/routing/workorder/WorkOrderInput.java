package io.tousu.routing.workorder;

import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks what departments and supervisors send: acceptances, results, returns and the daily actions; every error at once. */
public final class WorkOrderInput {
    static final Set<String> OUTCOMES = Set.of("RESOLVED", "NOT_SUBSTANTIATED", "CANNOT_RESOLVE");
    static final Set<String> ROOT_CAUSES = Set.of("CUSTOMER", "COMPANY", "OBJECTIVE");
    static final Set<String> COMPENSATION_KINDS = Set.of("REFUND", "CREDIT", "GIFT", "SERVICE");
    /** CNY as a decimal string, at most two decimals. */
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");

    private WorkOrderInput() {
    }

    public record Acceptance(String handler) {
    }

    public record Return(String reason) {
    }

    /** An urge (督办): why, and optionally by when the department must act. */
    public record Urge(String reason, OffsetDateTime dueBy) {
    }

    /** A co-handling request (协办) or a transfer (转派): to which department, and why. */
    public record ToDepartment(String department, String reason) {
    }

    /** A suspension (挂起): why the department waits. */
    public record Suspension(String reason) {
    }

    /** A merge (并单): the complaints that are the same matter as the order's, and why. */
    public record Merge(List<UUID> complaintIds, String reason) {
    }

    public static Urge urge(Urge body) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "reason", body == null ? null : body.reason(), 1000);
        throwIfAny(errors);
        return body;
    }

    public static ToDepartment toDepartment(ToDepartment body, Predicate<String> isDepartment) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "reason", body == null ? null : body.reason(), 1000);
        if (body == null || body.department() == null || !isDepartment.test(body.department())) {
            errors.add(new FieldError("department", "must be a department of the pack (GET /api/v1/departments)"));
        }
        throwIfAny(errors);
        return body;
    }

    public static String suspension(Suspension body) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "reason", body == null ? null : body.reason(), 1000);
        throwIfAny(errors);
        return body.reason().strip();
    }

    public static Merge merge(Merge body) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "reason", body == null ? null : body.reason(), 1000);
        if (body == null || body.complaintIds() == null || body.complaintIds().isEmpty()
                || body.complaintIds().size() > 50 || body.complaintIds().contains(null)) {
            errors.add(new FieldError("complaintIds", "must list 1 to 50 complaint ids"));
        }
        throwIfAny(errors);
        return body;
    }

    public static String handler(Acceptance body) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "handler", body == null ? null : body.handler(), 100);
        throwIfAny(errors);
        return body.handler().strip();
    }

    public static String reason(Return body) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "reason", body == null ? null : body.reason(), 1000);
        throwIfAny(errors);
        return body.reason().strip();
    }

    public static WorkOrderResult result(WorkOrderResult r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw new InvalidInputException("outcome", "a result needs at least outcome, resolution and rootCause");
        }
        oneOf(errors, "outcome", r.outcome(), OUTCOMES);
        text(errors, "resolution", r.resolution(), 5000);
        oneOf(errors, "rootCause", r.rootCause(), ROOT_CAUSES);
        optionalText(errors, "responsibleParty", r.responsibleParty(), 200);
        optionalText(errors, "handledBy", r.handledBy(), 100);
        WorkOrderResult.Compensation c = r.compensation();
        if (c != null) {
            oneOf(errors, "compensation.kind", c.kind(), COMPENSATION_KINDS);
            if (c.amount() != null && !AMOUNT.matcher(c.amount()).matches()) {
                errors.add(new FieldError("compensation.amount", "must be an amount in CNY such as \"20.00\""));
            }
            if (c.amount() == null && !"SERVICE".equals(c.kind()) && !"GIFT".equals(c.kind())) {
                errors.add(new FieldError("compensation.amount", "is required for a " + c.kind()));
            }
        }
        throwIfAny(errors);
        return r;
    }

    private static void oneOf(List<FieldError> errors, String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + allowed.stream().sorted().toList()));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else {
            optionalText(errors, field, value, max);
        }
    }

    private static void optionalText(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
