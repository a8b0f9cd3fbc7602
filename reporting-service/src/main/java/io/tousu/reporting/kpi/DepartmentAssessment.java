package io.tousu.reporting.kpi;

import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The monthly department assessment (考核): per department of the first dispatch, the complaints
 * it was given in the month, those whose cause its result put on the company side, those with a
 * breached clock, and the month's returns, reopenings, escalations and callbacks of its complaints.
 */
@ApplicationScoped
public class DepartmentAssessment {
    private final EntityManager em;
    private final ZoneId zone;

    public DepartmentAssessment(EntityManager em, ServiceZone zone) {
        this.em = em;
        this.zone = zone.id();
    }

    /** One department's month; {@code satisfactionRate} as in the KPIs, null without a reached callback. */
    public record Row(String department, long complaints, long attributed, long overdue, long returns, long reopens,
                      long escalations, Double satisfactionRate) {
    }

    public static YearMonth month(String month) {
        try {
            return YearMonth.parse(month == null ? "" : month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month yyyy-MM");
        }
    }

    public List<Row> of(YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        WITH given AS (
                            SELECT department, count(*) AS complaints,
                                   count(*) FILTER (WHERE root_cause = 'COMPANY') AS attributed,
                                   count(*) FILTER (WHERE breaches > 0) AS overdue
                            FROM complaint_fact WHERE dispatched_at >= ?1 AND dispatched_at < ?2 AND department IS NOT NULL
                            GROUP BY department),
                        happened AS (
                            SELECT CASE WHEN o.kind = 'RETURNED' THEN o.detail ELSE f.department END AS department,
                                   count(*) FILTER (WHERE o.kind = 'RETURNED') AS returns,
                                   count(*) FILTER (WHERE o.kind = 'REOPENED') AS reopens,
                                   count(*) FILTER (WHERE o.kind = 'ESCALATED') AS escalations,
                                   count(*) FILTER (WHERE o.kind = 'CALLBACK' AND o.detail <> 'UNREACHED') AS reached,
                                   count(*) FILTER (WHERE o.kind = 'CALLBACK'
                                                    AND o.detail IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied
                            FROM occurrence o JOIN complaint_fact f ON f.complaint_id = o.complaint_id
                            WHERE o.at >= ?1 AND o.at < ?2 GROUP BY 1)
                        SELECT COALESCE(g.department, h.department), COALESCE(g.complaints, 0), COALESCE(g.attributed, 0),
                               COALESCE(g.overdue, 0), COALESCE(h.returns, 0), COALESCE(h.reopens, 0),
                               COALESCE(h.escalations, 0), h.reached, h.satisfied
                        FROM given g FULL JOIN happened h ON h.department = g.department
                        WHERE COALESCE(g.department, h.department) IS NOT NULL ORDER BY 1""")
                .setParameter(1, Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()))
                .setParameter(2, Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                .getResultList();
        return rows.stream().map(r -> {
            long reached = r[7] == null ? 0 : ((Number) r[7]).longValue();
            long satisfied = r[8] == null ? 0 : ((Number) r[8]).longValue();
            return new Row((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]),
                    reached == 0 ? null : Math.round(satisfied * 10_000.0 / reached) / 10_000.0);
        }).toList();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
