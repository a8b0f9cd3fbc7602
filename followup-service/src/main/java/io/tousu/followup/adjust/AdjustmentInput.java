package io.tousu.followup.adjust;

import io.tousu.platform.problem.FieldError;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** What agents and supervisors send to pause, extend and re-promise a complaint's clocks. */
public final class AdjustmentInput {
    private AdjustmentInput() {
    }

    /** Waiting for the customer (e.g. for a document or a visit they must allow). */
    public record Pause(String reason, String agentId) {
        public List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            text(errors, "reason", reason, 2000);
            text(errors, "agentId", agentId, 100);
            return errors;
        }
    }

    /** The end of the wait. */
    public record Resume(String agentId) {
        public List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            text(errors, "agentId", agentId, 100);
            return errors;
        }
    }

    /** A new due time for the clock of {@code kind}. */
    public record Extension(String kind, OffsetDateTime dueAt, String reason, String requestedBy) {
        public List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            text(errors, "kind", kind, 32);
            if (dueAt == null) {
                errors.add(new FieldError("dueAt", "must be the new due time, an ISO date-time with offset"));
            }
            text(errors, "reason", reason, 2000);
            text(errors, "requestedBy", requestedBy, 100);
            return errors;
        }
    }

    /** A supervisor's decision on a requested extension. */
    public record Decision(Boolean approved, String supervisorId, String comment) {
        public List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (approved == null) {
                errors.add(new FieldError("approved", "must be true or false"));
            }
            text(errors, "supervisorId", supervisorId, 100);
            return errors;
        }
    }

    /** A new time promised to the customer. */
    public record Promise(OffsetDateTime dueAt, String agentId, String note) {
        public List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (dueAt == null) {
                errors.add(new FieldError("dueAt", "must be the time promised, an ISO date-time with offset"));
            }
            text(errors, "agentId", agentId, 100);
            if (note != null && note.length() > 2000) {
                errors.add(new FieldError("note", "must be at most 2000 characters"));
            }
            return errors;
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            errors.add(new FieldError(field, "must be 1 to " + max + " characters"));
        }
    }
}
