package io.tousu.intake.submission;

import io.tousu.platform.policy.ReferralSources;
import io.tousu.platform.problem.FieldError;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a submission and lists every field error at once; no framework needed. */
public final class SubmissionValidator {
    static final int SUBJECT_MAX = 200;
    static final int DESCRIPTION_MAX = 5_000;
    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    /** Area code, optional dash, 7–8 digit number, optional extension: 010-12345678, 0571-8765432-12. */
    private static final Pattern LANDLINE = Pattern.compile("^0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?$");
    private static final Pattern AGENT_PHONE = Pattern.compile("^[0-9+][0-9-]{2,23}$");
    private static final Pattern CATEGORY = Pattern.compile("^[A-Z0-9_]+(\\.[A-Z0-9_]+)*$");
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final Duration OLDEST = Duration.ofDays(3 * 365);

    private static final List<String> DEMANDS = List.of("REFUND", "COMPENSATION", "APOLOGY", "EXPLANATION", "REPAIR", "OTHER");
    private static final List<String> EVIDENCE = List.of("CALL_RECORDING", "SMS_SCREENSHOT", "BILL", "PHOTO", "OTHER");
    private static final List<String> CONTACTS = List.of("PHONE", "SMS", "EMAIL");
    private static final List<String> REFERRAL_SOURCES = ReferralSources.codes();

    private final Clock clock;

    public SubmissionValidator(Clock clock) {
        this.clock = clock;
    }

    public List<FieldError> validate(ComplaintSubmission s) {
        Errors errors = new Errors();
        Channel channel = errors.oneOf("channel", s.channel(), Channel.class, true);
        errors.text("channelRef", s.channelRef(), 100, true);
        errors.oneOf("type", s.type(), ComplaintType.class, false);
        customer(s.customer(), errors);
        errors.text("serviceNumber", s.serviceNumber(), 50, false);
        errors.text("area", s.area(), 100, false);
        if (s.category() != null && !CATEGORY.matcher(s.category()).matches()) {
            errors.add("category", "must be a taxonomy code such as FEES.SP_CHARGE");
        }
        errors.text("subject", s.subject(), SUBJECT_MAX, true);
        errors.text("description", s.description(), DESCRIPTION_MAX, true);
        errors.notFuture("receivedAt", s.receivedAt(), clock);
        errors.notFuture("occurredAt", s.occurredAt(), clock);
        errors.each("demands", s.demands(), DEMANDS);
        evidence(s.evidence(), errors);
        firstResponder(s.firstResponder(), channel, errors);
        errors.text("resolution", s.resolution(), 2_000, s.firstContactResolution());
        referral(s.referral(), channel, errors);
        return errors.list;
    }

    private static void customer(ComplaintSubmission.Customer c, Errors errors) {
        if (c == null) {
            errors.add("customer", "is required");
            return;
        }
        errors.text("customer.id", c.id(), 64, false);
        errors.text("customer.name", c.name(), 100, false);
        if (c.phone() == null && c.email() == null && c.id() == null) {
            errors.add("customer", "needs a phone, an email or a customer id to reach the customer");
        }
        if (c.phone() != null && !isPhone(c.phone())) {
            errors.add("customer.phone", "must be a mainland mobile (13800138000) or landline (010-12345678) number");
        }
        if (c.email() != null && !c.email().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.add("customer.email", "must be an email address");
        }
        errors.member("customer.preferredContact", c.preferredContact(), CONTACTS);
    }

    public static boolean isPhone(String phone) {
        return MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches();
    }

    private static void evidence(List<ComplaintSubmission.Evidence> evidence, Errors errors) {
        if (evidence == null) {
            return;
        }
        for (int i = 0; i < evidence.size(); i++) {
            ComplaintSubmission.Evidence e = evidence.get(i);
            String at = "evidence[" + i + "]";
            if (e == null) {
                errors.add(at, "must not be null");
                continue;
            }
            errors.member(at + ".kind", e.kind(), EVIDENCE);
            if (e.kind() == null) {
                errors.add(at + ".kind", "is required");
            }
            errors.text(at + ".ref", e.ref(), 500, true);
        }
    }

    private static void firstResponder(ComplaintSubmission.FirstResponder r, Channel channel, Errors errors) {
        if (r == null) {
            if (channel != null && channel.requiresFirstResponder()) {
                errors.add("firstResponder", "is required for " + channel + " (首问负责制)");
            }
            return;
        }
        errors.text("firstResponder.agentId", r.agentId(), 64, true);
        errors.text("firstResponder.name", r.name(), 100, false);
        if (r.phone() != null && !AGENT_PHONE.matcher(r.phone()).matches()) {
            errors.add("firstResponder.phone", "must be a phone number of digits and dashes");
        }
    }

    private void referral(ComplaintSubmission.Referral r, Channel channel, Errors errors) {
        if (r == null) {
            if (channel != null && channel.requiresReferral()) {
                errors.add("referral", "is required for " + channel);
            }
            return;
        }
        errors.member("referral.source", r.source(), REFERRAL_SOURCES);
        if (r.source() == null) {
            errors.add("referral.source", "is required");
        }
        errors.text("referral.referenceNo", r.referenceNo(), 100, true);
        if (r.dueBy() == null) {
            errors.add("referral.dueBy", "is required");
        }
    }

    /** Collects errors in the order the fields appear. */
    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }

        void text(String field, String value, int max, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    add(field, "is required");
                }
                return;
            }
            if (value.codePointCount(0, value.length()) > max) {
                add(field, "must be at most " + max + " characters");
            }
            if (value.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t')) {
                add(field, "must not contain control characters");
            }
        }

        <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
            if (value == null) {
                if (required) {
                    add(field, "is required");
                }
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        void member(String field, String value, List<String> allowed) {
            if (value != null && !allowed.contains(value)) {
                add(field, "must be one of " + allowed);
            }
        }

        void each(String field, List<String> values, List<String> allowed) {
            if (values == null) {
                return;
            }
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (v == null || !allowed.contains(v)) {
                    add(field + "[" + i + "]", "must be one of " + allowed);
                }
            }
        }

        void notFuture(String field, OffsetDateTime value, Clock clock) {
            if (value == null) {
                return;
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (value.isAfter(now.plus(FUTURE_TOLERANCE))) {
                add(field, "must not be in the future");
            } else if (value.isBefore(now.minus(OLDEST))) {
                add(field, "is more than 3 years ago");
            }
        }
    }
}
