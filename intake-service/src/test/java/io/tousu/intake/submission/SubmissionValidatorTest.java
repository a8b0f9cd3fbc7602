package io.tousu.intake.submission;

import io.tousu.platform.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionValidatorTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T06:00:00Z"), ZoneOffset.UTC);
    private final SubmissionValidator validator = new SubmissionValidator(clock);

    static ComplaintSubmission valid(String channel) {
        return new ComplaintSubmission(channel, "REF-1", null, null,
                new ComplaintSubmission.Customer("C-1", "张三", "13800138000", null, false, "PHONE"),
                null, "北京市海淀区", null, "信号差", "家里没有信号 📶", null, List.of("REPAIR"), null,
                new ComplaintSubmission.FirstResponder("A1", "李四", "010-95598-1001"), false, null, null);
    }

    private List<String> fields(ComplaintSubmission s) {
        return validator.validate(s).stream().map(FieldError::field).toList();
    }

    @Test
    void acceptsAValidHotlineComplaint() {
        assertThat(validator.validate(valid("HOTLINE"))).isEmpty();
    }

    @Test
    void requiresAFirstResponderAtTheHotline() {
        ComplaintSubmission s = valid("HOTLINE");
        ComplaintSubmission noAgent = new ComplaintSubmission(s.channel(), s.channelRef(), s.type(), s.receivedAt(),
                s.customer(), s.serviceNumber(), s.area(), s.category(), s.subject(), s.description(), s.occurredAt(),
                s.demands(), s.evidence(), null, false, null, null);
        assertThat(fields(noAgent)).containsExactly("firstResponder");
    }

    @Test
    void requiresAReferralForRegulatorCases() {
        assertThat(fields(valid("REGULATOR"))).containsExactly("referral");
    }

    @Test
    void acceptsMobileAndLandlineNumbersOnly() {
        assertThat(SubmissionValidator.isPhone("13800138000")).isTrue();
        assertThat(SubmissionValidator.isPhone("010-12345678")).isTrue();
        assertThat(SubmissionValidator.isPhone("057187654321")).isTrue();
        assertThat(SubmissionValidator.isPhone("12800138000")).isFalse();
        assertThat(SubmissionValidator.isPhone("1380013800")).isFalse();
        assertThat(SubmissionValidator.isPhone("hello")).isFalse();
    }

    @Test
    void countsCharactersNotBytesAndRejectsControlCharacters() {
        ComplaintSubmission s = valid("APP");
        String longChinese = "投".repeat(SubmissionValidator.SUBJECT_MAX);
        ComplaintSubmission exact = new ComplaintSubmission("APP", "R", null, null, s.customer(), null, null, null,
                longChinese, "描述\u0007", null, null, null, null, false, null, null);
        assertThat(fields(exact)).containsExactly("description");
    }

    @Test
    void rejectsTimesInTheFutureAndTheAbsurdPast() {
        ComplaintSubmission s = valid("APP");
        ComplaintSubmission future = new ComplaintSubmission("APP", "R", null,
                OffsetDateTime.parse("2026-11-23T09:00:00+08:00"), s.customer(), null, null, null, "x", "y",
                OffsetDateTime.parse("1999-01-01T00:00:00+08:00"), null, null, null, false, null, null);
        assertThat(fields(future)).containsExactly("receivedAt", "occurredAt");
    }
}
