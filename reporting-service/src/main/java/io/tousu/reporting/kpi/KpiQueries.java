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

/**
 * KPIs from the pre-aggregated days ({@code kpi_day}), each counted on its own day in the centre's
 * time zone: receipts on the day received, dispatches on the day of the first dispatch, closings on
 * the day closed, the reply's punctuality on the day its clock fell due, callbacks, replies,
 * reopenings, returns, results and breaches on the day they happened. Only the number of distinct
 * incidents, which does not add up across days, is counted from the complaints themselves.
 */
@ApplicationScoped
public class KpiQueries {
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
        String group = by == null ? "''" : by.sql(level);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + group + """
                        , sum(received), sum(fcr), sum(repeats), sum(escalated), sum(regulator), sum(incident_linked),
                               sum(dispatched), sum(closed), sum(unreachable), sum(withdrawals), sum(handling_seconds),
                               sum(handled), sum(reply_due), sum(replied_on_time), sum(callbacks_reached),
                               sum(callbacks_satisfied), sum(reopened), sum(replies), sum(returns), sum(compensation),
                               sum(breaches)
                        FROM kpi_day k WHERE k.day BETWEEN ?1 AND ?2 GROUP BY 1""")
                .setParameter(1, period.from()).setParameter(2, period.to()).getResultList();
        for (Object[] r : rows) {
            Tally t = tallies.computeIfAbsent((String) r[0], g -> new Tally());
            t.received = n(r[1]);
            t.fcr = n(r[2]);
            t.repeats = n(r[3]);
            t.escalated = n(r[4]);
            t.regulator = n(r[5]);
            t.incidentLinked = n(r[6]);
            t.dispatched = n(r[7]);
            t.closed = n(r[8]);
            t.unreachable = n(r[9]);
            t.withdrawals = n(r[10]);
            t.handlingHours = n(r[11]) / 3600.0;
            t.handled = n(r[12]);
            t.replyDue = n(r[13]);
            t.repliedOnTime = n(r[14]);
            t.callbacksReached = n(r[15]);
            t.callbacksSatisfied = n(r[16]);
            t.reopened = n(r[17]);
            t.replies = n(r[18]);
            t.returns = n(r[19]);
            t.compensation = r[20] == null ? BigDecimal.ZERO : new BigDecimal(r[20].toString());
            t.breaches = n(r[21]);
        }
        // An incident counts once in the period, in each group it has complaints received in.
        @SuppressWarnings("unchecked")
        List<Object[]> incidents = em.createNativeQuery("SELECT " + group + """
                        , count(DISTINCT k.incident_id) FROM (
                            SELECT f.channel, split_part(f.category, '.', 1) AS category, f.department, f.area,
                                   f.area_province, f.area_city, f.area_district,
                                   (f.received_at AT TIME ZONE '%s')::date AS day, f.incident_id
                            FROM complaint_fact f
                            WHERE f.incident_id IS NOT NULL AND f.received_at >= ?1 AND f.received_at < ?2) k
                        GROUP BY 1""".formatted(zone.getId()))
                .setParameter(1, Timestamp.from(period.startIn(zone)))
                .setParameter(2, Timestamp.from(period.endIn(zone)))
                .getResultList();
        for (Object[] r : incidents) {
            tallies.computeIfAbsent((String) r[0], g -> new Tally()).incidents = n(r[1]);
        }
        return tallies;
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
