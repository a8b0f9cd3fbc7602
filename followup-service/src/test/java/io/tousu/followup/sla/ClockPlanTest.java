package io.tousu.followup.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tousu.followup.calendar.BusinessCalendar;
import io.tousu.followup.calendar.BusinessCalendarTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each shipped pack's clocks for real complaints on the 2026 calendar. */
class ClockPlanTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private final BusinessCalendar calendar = BusinessCalendarTest.shippedCalendar();

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static ClockPlan plan(String pack) {
        return new ClockPlan(new SlaPack(MAPPER, pack), new ClockMath(ZoneId.of("Asia/Shanghai")));
    }

    private Map<String, Instant> dues(String pack, Milestone milestone, String at, ClockPlan.Facts facts) {
        return plan(pack).opens(milestone, at(at), facts, calendar).stream()
                .collect(Collectors.toMap(ClockPlan.Opened::kind, ClockPlan.Opened::dueAt));
    }

    private static ClockPlan.Facts complaint(String type) {
        return new ClockPlan.Facts(true, type, null, null, null);
    }

    @Test
    void seedsOpenTheProgressNoticeResolveReplyAndPromiseAtReceiptAndContactAtSignFor() {
        ClockPlan.Facts facts = new ClockPlan.Facts(true, "COMPLAINT", null, null, at("2026-11-23T09:15:00+08:00"));
        // Received on Sunday 22 November.
        assertThat(dues("seeds", Milestone.RECEIPT, "2026-11-22T09:15:00+08:00", facts)).isEqualTo(Map.of(
                "PROGRESS_NOTICE", at("2026-11-23T09:15:00+08:00"),
                "RESOLVE", at("2026-12-07T09:15:00+08:00"),
                "REPLY", at("2026-11-27T23:59:59+08:00"),
                "PROMISE", at("2026-11-23T09:15:00+08:00")));
        assertThat(dues("seeds", Milestone.SIGN_FOR, "2026-11-23T10:00:00+08:00", facts))
                .isEqualTo(Map.of("CONTACT", at("2026-11-26T10:00:00+08:00")));
        List<ClockPlan.Opened> opened = plan("seeds").opens(Milestone.RECEIPT, at("2026-11-22T09:15:00+08:00"), facts,
                calendar);
        ClockPlan.Opened reply = opened.stream().filter(o -> o.kind().equals("REPLY")).findFirst().orElseThrow();
        assertThat(reply.warnAt()).isEqualTo(at("2026-11-26T23:59:59+08:00"));
        assertThat(reply.calendarVersion()).isEqualTo("2026.1");
        assertThat(reply.pausable()).isTrue();
    }

    @Test
    void telecomAnswersWithinFifteenDaysAndAMiitReferralRunsItsOwnDueDate() {
        ClockPlan.Facts referral = new ClockPlan.Facts(true, "COMPLAINT", "MIIT", at("2026-12-01T18:00:00+08:00"), null);
        assertThat(dues("telecom", Milestone.RECEIPT, "2026-11-24T14:00:00+08:00", referral)).isEqualTo(Map.of(
                "PROGRESS_NOTICE", at("2026-11-25T14:00:00+08:00"),
                "ANSWER", at("2026-12-09T14:00:00+08:00"),
                "REFERRAL", at("2026-12-01T18:00:00+08:00")));
    }

    @Test
    void powerAnswersComplaintsInFourWorkingDaysReportsInNineAndRegulatorReferralsByTheirSource() {
        // Thursday 30 April 10:00; 1-5 May off, Saturday 9 May worked: 14 hours of 30 April, then whole days.
        String received = "2026-04-30T10:00:00+08:00";
        assertThat(dues("power", Milestone.RECEIPT, received, complaint("COMPLAINT")))
                .isEqualTo(Map.of("ANSWER", at("2026-05-09T10:00:00+08:00")));
        assertThat(dues("power", Milestone.RECEIPT, received, complaint("REPORT")))
                .isEqualTo(Map.of("ANSWER", at("2026-05-15T10:00:00+08:00")));
        ClockPlan.Facts energy = new ClockPlan.Facts(true, "COMPLAINT", "ENERGY_REGULATOR", null, null);
        assertThat(dues("power", Milestone.RECEIPT, received, energy)).containsEntry("REGULATOR_ANSWER",
                at("2026-05-18T10:00:00+08:00"));
        ClockPlan.Facts hotline = new ClockPlan.Facts(true, "COMPLAINT", "GOV_HOTLINE", null, null);
        assertThat(dues("power", Milestone.RECEIPT, received, hotline)).containsEntry("REGULATOR_ANSWER",
                at("2026-05-07T10:00:00+08:00"));
        assertThat(dues("power", Milestone.DISPATCH, "2026-04-30T10:05:00+08:00", complaint("COMPLAINT")))
                .isEqualTo(Map.of("CONTACT", at("2026-05-01T10:05:00+08:00")));
    }

    @Test
    void cityHotlineCountsFromTheNextDayByTypeAndGivesTwoDaysToReturnAnOrder() {
        String received = "2026-09-24T16:00:00+08:00";
        // 25-27 September off, Sunday 20 September was the make-up day; 1-7 October off, 10 October worked.
        assertThat(dues("cityhotline", Milestone.RECEIPT, received, complaint("INQUIRY")))
                .isEqualTo(Map.of("ANSWER", at("2026-10-09T23:59:59+08:00")));
        assertThat(dues("cityhotline", Milestone.RECEIPT, received, complaint("COMPLAINT")))
                .isEqualTo(Map.of("ANSWER", at("2026-10-22T23:59:59+08:00")));
        assertThat(dues("cityhotline", Milestone.DISPATCH, "2026-09-24T16:10:00+08:00", complaint("COMPLAINT")))
                .isEqualTo(Map.of("RETURN_WINDOW", at("2026-09-26T16:10:00+08:00")));
    }

    @Test
    void beforeItsReceiptIsReadOnlyTheClocksThatNeedNoFactsOpen() {
        assertThat(dues("cityhotline", Milestone.RECEIPT, "2026-09-24T16:00:00+08:00", ClockPlan.Facts.unknown()))
                .isEmpty();
        assertThat(dues("seeds", Milestone.RECEIPT, "2026-11-22T09:15:00+08:00", ClockPlan.Facts.unknown()))
                .containsOnlyKeys("PROGRESS_NOTICE", "RESOLVE", "REPLY");
    }
}
