package io.tousu.reporting.kpi;

import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * What the dashboard shows, all from reporting's own read models: today's and this month's
 * volumes, the open complaints whose clocks are at risk (past a warning) or breached (past due),
 * this month's satisfaction and punctuality, top categories, a 30-day trend, the department
 * league, and the latest complaints.
 */
@ApplicationScoped
public class Dashboard {
    /** Open: not closed, or reopened after its last closing. */
    private static final String OPEN = "(f.closed_at IS NULL OR f.reopened_at > f.closed_at)";

    private final EntityManager em;
    private final ZoneId zone;
    private final Clock clock;
    private final KpiQueries kpis;
    private final MonthlyAnalysis monthly;
    private final DepartmentAssessment departments;

    public Dashboard(EntityManager em, ServiceZone zone, Clock clock, KpiQueries kpis, MonthlyAnalysis monthly,
                     DepartmentAssessment departments) {
        this.em = em;
        this.zone = zone.id();
        this.clock = clock;
        this.kpis = kpis;
        this.monthly = monthly;
        this.departments = departments;
    }

    public record View(LocalDate today, Kpis todayKpis, YearMonth month, Kpis monthKpis, long clocksAtRisk,
                       long clocksBreached, List<MonthlyAnalysis.Share> topCategories, List<Day> trend,
                       List<DepartmentAssessment.Row> departments, List<Recent> recent, OffsetDateTime at) {
    }

    public record Day(String day, long received, long closed) {
    }

    public record Recent(String number, String subject, String category, OffsetDateTime receivedAt) {
    }

    public View now() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        YearMonth month = YearMonth.from(today);
        Object[] clocks = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE f.next_warn_at <= ?1 "
                        + "AND f.next_due_at > ?1), count(*) FILTER (WHERE f.next_due_at <= ?1) FROM complaint_fact f "
                        + "WHERE " + OPEN + " AND f.next_due_at IS NOT NULL")
                .setParameter(1, Timestamp.from(now)).getSingleResult();
        ReportPeriod last30 = new ReportPeriod(today.minusDays(29), today);
        List<Day> trend = kpis.breakdown(last30, GroupBy.DAY, GroupBy.AreaLevel.AS_GIVEN).stream()
                .map(k -> new Day(k.group(), k.received(), k.closed())).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> recent = em.createNativeQuery("SELECT f.number, t.subject, f.category, f.received_at FROM complaint_fact f "
                        + "JOIN complaint_text t ON t.complaint_id = f.complaint_id "
                        + "WHERE f.received_at IS NOT NULL ORDER BY f.received_at DESC LIMIT 10").getResultList();
        // Only what the page shows: not the whole monthly analysis on every refresh.
        Kpis monthKpis = kpis.kpis(new ReportPeriod(month.atDay(1), month.atEndOfMonth()));
        return new View(today, kpis.kpis(new ReportPeriod(today, today)), month, monthKpis,
                ((Number) clocks[0]).longValue(), ((Number) clocks[1]).longValue(),
                monthly.topCategories(month, monthKpis.received()), trend,
                departments.of(month), recent.stream().map(r -> new Recent((String) r[0], (String) r[1], (String) r[2],
                        SqlValues.instant(r[3]).atZone(zone).toOffsetDateTime())).toList(),
                now.atZone(zone).toOffsetDateTime());
    }
}
