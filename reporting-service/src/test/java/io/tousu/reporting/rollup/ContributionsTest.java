package io.tousu.reporting.rollup;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPIs' definitions as a complaint's rows contribute them, without Quarkus. */
class ContributionsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static ComplaintRows.Fact fact(Instant received, Instant dispatched, Instant closed, String reason,
                                           Instant reopened, Instant replyDue, String replyState, Instant replied) {
        return new ComplaintRows.Fact(UUID.randomUUID(), "HOTLINE", "FEES.SP_CHARGE", "billing", "北京市海淀区",
                "北京市", "北京市", "海淀区", received, false, true, false, "MIIT", false, dispatched, "COMPANY", 1,
                null, closed, reason, reopened, replyDue, replyState, replied);
    }

    private static Contributions.KpiKey key(String day, String department) {
        return new Contributions.KpiKey(LocalDate.parse(day), "HOTLINE", "FEES", department, "北京市海淀区", "北京市", "北京市",
                "海淀区");
    }

    private static long at(Contributions c, Contributions.KpiKey key, Contributions.Kpi kpi) {
        long[] m = c.kpis.get(key);
        return m == null ? 0 : m[kpi.ordinal()];
    }

    @Test
    void eachKpiCountsOnItsOwnDayInTheCentresZone() {
        // Received 23:30 on 15 July in Beijing (15:30 UTC), dispatched after midnight there, closed 48 h on.
        Instant received = Instant.parse("2025-07-15T15:30:00Z");
        Contributions c = new Contributions(ZONE).add(new ComplaintRows(
                fact(received, Instant.parse("2025-07-15T16:10:00Z"), Instant.parse("2025-07-17T15:30:00Z"), "SATISFIED",
                        null, Instant.parse("2025-07-18T10:00:00Z"), "MET", Instant.parse("2025-07-17T09:00:00Z")),
                List.of(new ComplaintRows.Occurrence("RETURNED", Instant.parse("2025-07-16T02:00:00Z"), "network", 0),
                        new ComplaintRows.Occurrence("RESULT", Instant.parse("2025-07-16T03:00:00Z"), "RESOLVED", 3050),
                        new ComplaintRows.Occurrence("CALLBACK", Instant.parse("2025-07-17T15:00:00Z"), "BASICALLY_SATISFIED", 0)),
                List.of(new ComplaintRows.Clock("REPLY", Instant.parse("2025-07-18T10:00:00Z"), "MET"),
                        new ComplaintRows.Clock("RESOLVE", Instant.parse("2025-07-25T10:00:00Z"), "PENDING"))));

        assertThat(at(c, key("2025-07-15", "billing"), Contributions.Kpi.RECEIVED)).isEqualTo(1);
        assertThat(at(c, key("2025-07-15", "billing"), Contributions.Kpi.REPEATS)).isEqualTo(1);
        assertThat(at(c, key("2025-07-15", "billing"), Contributions.Kpi.REGULATOR)).isEqualTo(1);
        assertThat(at(c, key("2025-07-16", "billing"), Contributions.Kpi.DISPATCHED)).isEqualTo(1);
        assertThat(at(c, key("2025-07-16", "billing"), Contributions.Kpi.ATTRIBUTED)).isEqualTo(1);
        assertThat(at(c, key("2025-07-16", "billing"), Contributions.Kpi.OVERDUE)).isEqualTo(1);
        // The return counts for the department that returned it.
        assertThat(at(c, key("2025-07-16", "network"), Contributions.Kpi.RETURNS)).isEqualTo(1);
        assertThat(at(c, key("2025-07-16", "billing"), Contributions.Kpi.COMPENSATION)).isEqualTo(3050);
        assertThat(at(c, key("2025-07-17", "billing"), Contributions.Kpi.REPLIED_ON_TIME)).isZero();
        assertThat(at(c, key("2025-07-18", "billing"), Contributions.Kpi.REPLY_DUE)).isEqualTo(1);
        assertThat(at(c, key("2025-07-18", "billing"), Contributions.Kpi.REPLIED_ON_TIME)).isEqualTo(1);
        assertThat(at(c, key("2025-07-17", "billing"), Contributions.Kpi.CALLBACKS_SATISFIED)).isEqualTo(1);
        // Closed 23:30 on the 17th in Beijing: 48 hours.
        assertThat(at(c, key("2025-07-17", "billing"), Contributions.Kpi.CLOSED)).isEqualTo(1);
        assertThat(at(c, key("2025-07-17", "billing"), Contributions.Kpi.HANDLING_SECONDS)).isEqualTo(48 * 3600);
        assertThat(c.tallies).containsEntry(new Contributions.TallyKey(LocalDate.parse("2025-07-18"), "CLOCK_MET", "REPLY"), 1L)
                .containsEntry(new Contributions.TallyKey(LocalDate.parse("2025-07-15"), "REFERRAL", "MIIT"), 1L)
                .doesNotContainKey(new Contributions.TallyKey(LocalDate.parse("2025-07-25"), "CLOCK_PENDING", "RESOLVE"));
    }

    @Test
    void lateOnlyWhenRepliedLateOrBreachedUnreplied() {
        Instant received = Instant.parse("2025-07-15T02:00:00Z");
        Instant due = Instant.parse("2025-07-20T10:00:00Z");
        Contributions pending = new Contributions(ZONE).add(new ComplaintRows(
                fact(received, null, null, null, null, due, "PENDING", null), List.of(), List.of()));
        Contributions breached = new Contributions(ZONE).add(new ComplaintRows(
                fact(received, null, null, null, null, due, "BREACHED", null), List.of(), List.of()));
        Contributions withdrawn = new Contributions(ZONE).add(new ComplaintRows(
                fact(received, null, Instant.parse("2025-07-21T10:00:00Z"), "WITHDRAWN", null, due, "BREACHED", null),
                List.of(), List.of()));
        assertThat(at(pending, key("2025-07-20", "billing"), Contributions.Kpi.REPLY_DUE)).isZero();
        assertThat(at(breached, key("2025-07-20", "billing"), Contributions.Kpi.REPLY_DUE)).isEqualTo(1);
        assertThat(at(breached, key("2025-07-20", "billing"), Contributions.Kpi.REPLIED_ON_TIME)).isZero();
        assertThat(at(withdrawn, key("2025-07-20", "billing"), Contributions.Kpi.REPLY_DUE)).isZero();
        assertThat(at(withdrawn, key("2025-07-21", "billing"), Contributions.Kpi.WITHDRAWALS)).isEqualTo(1);
        assertThat(at(withdrawn, key("2025-07-21", "billing"), Contributions.Kpi.HANDLED)).isZero();
    }

    @Test
    void aComplaintReopenedAfterItClosedIsNotClosed() {
        Instant received = Instant.parse("2025-07-15T02:00:00Z");
        Contributions c = new Contributions(ZONE).add(new ComplaintRows(fact(received, null,
                Instant.parse("2025-07-16T02:00:00Z"), "SATISFIED", Instant.parse("2025-07-18T02:00:00Z"), null, null, null),
                List.of(), List.of()));
        assertThat(at(c, key("2025-07-16", "billing"), Contributions.Kpi.CLOSED)).isZero();
    }

    @Test
    void theChangeIsWhatMovedBetweenBeforeAndAfter() {
        Instant received = Instant.parse("2025-07-15T02:00:00Z");
        ComplaintRows.Fact undispatched = fact(received, null, null, null, null, null, null, null);
        ComplaintRows.Fact closed = fact(received, null, Instant.parse("2025-07-16T02:00:00Z"), "SATISFIED", null, null,
                null, null);
        Contributions before = new Contributions(ZONE).add(new ComplaintRows(undispatched, List.of(), List.of()));
        Contributions after = new Contributions(ZONE).add(new ComplaintRows(closed, List.of(), List.of()));
        Map<Contributions.KpiKey, long[]> change = Contributions.kpiChange(before, after);
        // The receipt did not move: only the closing day changed.
        assertThat(change).containsOnlyKeys(key("2025-07-16", "billing"));
        assertThat(change.get(key("2025-07-16", "billing"))[Contributions.Kpi.CLOSED.ordinal()]).isEqualTo(1);
        assertThat(Contributions.kpiChange(after, before).get(key("2025-07-16", "billing"))[Contributions.Kpi.CLOSED.ordinal()])
                .isEqualTo(-1);
    }
}
