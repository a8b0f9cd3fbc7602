package io.tousu.reporting.kpi;

import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The monthly quality analysis (投诉分析 / 质量通报): the month's volumes against the previous
 * month and the same month a year before, its KPIs, top categories and root causes, SLA compliance
 * per clock, referrals by source, the department assessment, and the ten complaints that took
 * longest.
 */
@ApplicationScoped
public class MonthlyAnalysis {
    private final EntityManager em;
    private final ZoneId zone;
    private final KpiQueries kpis;
    private final DepartmentAssessment departments;

    public MonthlyAnalysis(EntityManager em, ServiceZone zone, KpiQueries kpis, DepartmentAssessment departments) {
        this.em = em;
        this.zone = zone.id();
        this.kpis = kpis;
        this.departments = departments;
    }

    public record Report(YearMonth month, Volume volume, Kpis kpis, List<Share> topCategories, List<Share> rootCauses,
                         List<ClockCompliance> sla, List<Share> referrals, List<DepartmentAssessment.Row> departments,
                         List<Longest> longest) {
    }

    /** Complaints received, and the change against the previous month and the same month a year before (0..1, signed). */
    public record Volume(long received, long previousMonth, long sameMonthLastYear, Double changeFromPreviousMonth,
                         Double changeFromLastYear) {
    }

    public record Share(String key, long count, double share) {
        /** The share in whole percent, for the page's bars. */
        public long percent() {
            return Math.round(share * 100);
        }
    }

    /** Clocks of one kind that fell due in the month: met, breached, and the share met. */
    public record ClockCompliance(String kind, long due, long met, long breached, Double compliance) {
        /** The compliance in whole percent, for the page's bars. */
        public long percent() {
            return compliance == null ? 0 : Math.round(compliance * 100);
        }
    }

    public record Longest(UUID complaintId, String number, String category, String department, double hours,
                          String closedReason) {
    }

    public Report of(YearMonth month) {
        long received = received(month);
        long previous = received(month.minusMonths(1));
        long lastYear = received(month.minusYears(1));
        ReportPeriod period = new ReportPeriod(month.atDay(1), month.atEndOfMonth());
        return new Report(month, new Volume(received, previous, lastYear, change(received, previous), change(received, lastYear)),
                kpis.kpis(period),
                topCategories(month, received),
                shares(month, "SELECT key, sum(n) FROM tally_day WHERE day BETWEEN ?1 AND ?2 AND tally = 'ROOT_CAUSE' "
                        + "GROUP BY 1 HAVING sum(n) > 0 ORDER BY 2 DESC, 1", -1),
                sla(month),
                shares(month, "SELECT key, sum(n) FROM tally_day WHERE day BETWEEN ?1 AND ?2 AND tally = 'REFERRAL' "
                        + "GROUP BY 1 HAVING sum(n) > 0 ORDER BY 2 DESC, 1", received),
                departments.of(month), longest(month));
    }

    /** The month's ten largest top-level categories, each with its share of the {@code received} complaints. */
    public List<Share> topCategories(YearMonth month, long received) {
        return shares(month, "SELECT CASE WHEN category = '' THEN 'NONE' ELSE category END, sum(received) FROM kpi_day "
                + "WHERE day BETWEEN ?1 AND ?2 GROUP BY 1 HAVING sum(received) > 0 ORDER BY 2 DESC, 1 LIMIT 10", received);
    }

    private long received(YearMonth month) {
        Number n = (Number) days(em.createNativeQuery("SELECT sum(received) FROM kpi_day WHERE day BETWEEN ?1 AND ?2"),
                month).getSingleResult();
        return n == null ? 0 : n.longValue();
    }

    /** Counts by key, each with its share of {@code total}, or of their own sum when {@code total} is negative. */
    private List<Share> shares(YearMonth month, String sql, long total) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = days(em.createNativeQuery(sql), month).getResultList();
        long sum = total >= 0 ? total : rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
        return rows.stream().map(r -> {
            long count = ((Number) r[1]).longValue();
            return new Share((String) r[0], count, sum == 0 ? 0 : Math.round(count * 10_000.0 / sum) / 10_000.0);
        }).toList();
    }

    private List<ClockCompliance> sla(YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = days(em.createNativeQuery("""
                        SELECT key, sum(n) FILTER (WHERE tally = 'CLOCK_MET'), sum(n) FILTER (WHERE tally = 'CLOCK_BREACHED')
                        FROM tally_day WHERE day BETWEEN ?1 AND ?2 AND tally IN ('CLOCK_MET', 'CLOCK_BREACHED')
                        GROUP BY key HAVING sum(n) > 0 ORDER BY key"""), month).getResultList();
        return rows.stream().map(r -> {
            long met = r[1] == null ? 0 : ((Number) r[1]).longValue();
            long breached = r[2] == null ? 0 : ((Number) r[2]).longValue();
            long due = met + breached;
            return new ClockCompliance((String) r[0], due, met, breached,
                    due == 0 ? null : Math.round(met * 10_000.0 / due) / 10_000.0);
        }).toList();
    }

    private List<Longest> longest(YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("""
                        SELECT complaint_id, number, category, department,
                               extract(epoch FROM closed_at - received_at) / 3600.0, closed_reason
                        FROM complaint_fact WHERE closed_at >= ?1 AND closed_at < ?2 AND closed_at IS NOT NULL
                              AND received_at IS NOT NULL
                        ORDER BY closed_at - received_at DESC LIMIT 10"""), month).getResultList();
        return rows.stream().map(r -> new Longest((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                Math.round(((Number) r[4]).doubleValue() * 10) / 10.0, (String) r[5])).toList();
    }

    private static Query days(Query q, YearMonth month) {
        return q.setParameter(1, month.atDay(1)).setParameter(2, month.atEndOfMonth());
    }

    private Query bind(Query q, YearMonth month) {
        return q.setParameter(1, Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()))
                .setParameter(2, Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    }

    private static Double change(long now, long before) {
        return before == 0 ? null : Math.round((now - before) * 10_000.0 / before) / 10_000.0;
    }
}
