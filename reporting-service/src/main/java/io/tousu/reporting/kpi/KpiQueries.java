package io.tousu.reporting.kpi;

import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * KPIs from the complaint facts and occurrences, each counted on its own day in the centre's time
 * zone: receipts on the day received, dispatches on the day of the first dispatch, closings on the
 * day closed, the reply's punctuality on the day its clock fell due, callbacks, replies,
 * reopenings, returns, results and breaches on the day they happened.
 */
@ApplicationScoped
public class KpiQueries {
    /** Referrals from regulators and government hotlines (MEDIA and consumer associations are not regulators). */
    static final String REGULATORS = "('MIIT', 'GOV_HOTLINE', 'ENERGY_REGULATOR')";

    private final EntityManager em;
    private final ZoneId zone;
    private final CustomerBase base;

    public KpiQueries(EntityManager em, ServiceZone zone, CustomerBase base) {
        this.em = em;
        this.zone = zone.id();
        this.base = base;
    }

    public Kpis kpis(ReportPeriod period) {
        return measure(period, null, GroupBy.AreaLevel.AS_GIVEN).values().stream().findFirst().orElseGet(Tally::new)
                .kpis(period, null, base.of(null));
    }

    /** The same KPIs per group, groups in order; by area, per million of the area's own customers. */
    public List<Kpis> breakdown(ReportPeriod period, GroupBy by, GroupBy.AreaLevel level) {
        return measure(period, by, level).entrySet().stream().map(e -> e.getValue().kpis(period, e.getKey(),
                by == GroupBy.AREA ? base.of(e.getKey()) : base.of(null))).toList();
    }

    private Map<String, Tally> measure(ReportPeriod period, GroupBy by, GroupBy.AreaLevel level) {
        Map<String, Tally> tallies = new TreeMap<>();
        if (by == null) {
            tallies.put("", new Tally()); // the whole period: one tally, even with nothing to count
        }
        query(period, by, level, "f.received_at", "complaint_fact f", "", """
                count(*), count(*) FILTER (WHERE f.resolved_on_first_contact),
                count(*) FILTER (WHERE f.repeat_of IS NOT NULL), count(*) FILTER (WHERE f.escalated),
                count(*) FILTER (WHERE f.referral_source IN %s), count(*) FILTER (WHERE f.incident_id IS NOT NULL),
                count(DISTINCT f.incident_id)""".formatted(REGULATORS), tallies, (t, r) -> {
                    t.received = n(r[1]);
                    t.fcr = n(r[2]);
                    t.repeats = n(r[3]);
                    t.escalated = n(r[4]);
                    t.regulator = n(r[5]);
                    t.incidentLinked = n(r[6]);
                    t.incidents = n(r[7]);
                });
        query(period, by, level, "f.dispatched_at", "complaint_fact f", "", "count(*)", tallies,
                (t, r) -> t.dispatched = n(r[1]));
        // A complaint reopened after it closed (the supervisory callback) is not closed.
        query(period, by, level, "f.closed_at", "complaint_fact f", "AND (f.reopened_at IS NULL OR f.reopened_at < f.closed_at)", """
                count(*), count(*) FILTER (WHERE f.closed_reason = 'UNREACHABLE'),
                count(*) FILTER (WHERE f.closed_reason = 'WITHDRAWN'),
                sum(extract(epoch FROM f.closed_at - f.received_at) / 3600.0)
                    FILTER (WHERE f.closed_reason <> 'WITHDRAWN' AND f.received_at IS NOT NULL),
                count(*) FILTER (WHERE f.closed_reason <> 'WITHDRAWN' AND f.received_at IS NOT NULL)""", tallies, (t, r) -> {
                    t.closed = n(r[1]);
                    t.unreachable = n(r[2]);
                    t.withdrawals = n(r[3]);
                    t.handlingHours = r[4] == null ? 0 : ((Number) r[4]).doubleValue();
                    t.handled = n(r[5]);
                });
        // Due in the period and replied, or due and not replied by now (late); withdrawn unreplied ones owe nothing.
        query(period, by, level, "f.reply_due_at", "complaint_fact f", """
                AND (f.replied_at IS NOT NULL OR (f.reply_due_at <= now() AND f.closed_reason IS DISTINCT FROM 'WITHDRAWN'))""", """
                count(*), count(*) FILTER (WHERE f.replied_at <= f.reply_due_at)""", tallies, (t, r) -> {
                    t.replyDue = n(r[1]);
                    t.repliedOnTime = n(r[2]);
                });
        query(period, by, level, "o.at", "occurrence o LEFT JOIN complaint_fact f ON f.complaint_id = o.complaint_id", "", """
                count(*) FILTER (WHERE o.kind = 'CALLBACK' AND o.detail <> 'UNREACHED'),
                count(*) FILTER (WHERE o.kind = 'CALLBACK' AND o.detail IN ('SATISFIED', 'BASICALLY_SATISFIED')),
                count(*) FILTER (WHERE o.kind = 'REOPENED'), count(*) FILTER (WHERE o.kind = 'REPLIED'),
                count(*) FILTER (WHERE o.kind = 'RETURNED'), COALESCE(sum(o.amount) FILTER (WHERE o.kind = 'RESULT'), 0),
                count(*) FILTER (WHERE o.kind = 'BREACHED')""", tallies, (t, r) -> {
                    t.callbacksReached = n(r[1]);
                    t.callbacksSatisfied = n(r[2]);
                    t.reopened = n(r[3]);
                    t.replies = n(r[4]);
                    t.returns = n(r[5]);
                    t.compensation = new BigDecimal(r[6].toString());
                    t.breaches = n(r[7]);
                });
        return tallies;
    }

    private void query(ReportPeriod period, GroupBy by, GroupBy.AreaLevel level, String time, String from, String filter, String columns,
                       Map<String, Tally> tallies, BiConsumer<Tally, Object[]> read) {
        String group = by == null ? "''" : by.sql(time, zone.getId(), level);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + group + " AS g, " + columns + " FROM " + from
                        + " WHERE " + time + " >= ?1 AND " + time + " < ?2 " + filter + " GROUP BY 1")
                .setParameter(1, Timestamp.from(period.startIn(zone)))
                .setParameter(2, Timestamp.from(period.endIn(zone)))
                .getResultList();
        for (Object[] r : rows) {
            read.accept(tallies.computeIfAbsent((String) r[0], g -> new Tally()), r);
        }
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** The counts behind the KPIs of one group. */
    static final class Tally {
        long received, fcr, repeats, escalated, regulator, incidentLinked, incidents, dispatched, closed, unreachable,
                withdrawals, handled, replyDue, repliedOnTime, callbacksReached, callbacksSatisfied, reopened, replies,
                returns, breaches;
        double handlingHours;
        BigDecimal compensation = BigDecimal.ZERO;

        Kpis kpis(ReportPeriod p, String group, Optional<Long> customers) {
            Double perMillion = customers.map(c -> received * 1_000_000.0 / c).orElse(null);
            return new Kpis(p.from(), p.to(), group, received, fcr, dispatched, closed, rate(repliedOnTime, replyDue),
                    rate(callbacksSatisfied, callbacksReached), rate(reopened, replies), rate(repeats, received),
                    rate(escalated, received), regulator, handled == 0 ? null : round(handlingHours / handled), returns,
                    unreachable, withdrawals, incidentLinked, incidents, compensation, breaches,
                    perMillion == null ? null : round(perMillion));
        }

        private static Double rate(long numerator, long denominator) {
            return denominator == 0 ? null : Math.round(numerator * 10_000.0 / denominator) / 10_000.0;
        }

        private static double round(double v) {
            return Math.round(v * 100.0) / 100.0;
        }
    }
}
