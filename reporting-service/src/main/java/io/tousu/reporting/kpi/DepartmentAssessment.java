package io.tousu.reporting.kpi;

import io.tousu.platform.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The monthly department assessment (考核), from the pre-aggregated days: per department of the
 * first dispatch, the complaints it was given in the month, those whose cause its result put on
 * the company side, those with a breached clock, and the month's returns (by the department that
 * returned), reopenings, escalations and callbacks of its complaints.
 */
@ApplicationScoped
public class DepartmentAssessment {
    private final EntityManager em;

    public DepartmentAssessment(EntityManager em) {
        this.em = em;
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
                        SELECT department, sum(dispatched), sum(attributed), sum(overdue), sum(returns), sum(reopened),
                               sum(escalations), sum(callbacks_reached), sum(callbacks_satisfied)
                        FROM kpi_day WHERE day BETWEEN ?1 AND ?2 AND department <> '' GROUP BY department ORDER BY 1""")
                .setParameter(1, month.atDay(1))
                .setParameter(2, month.atEndOfMonth())
                .getResultList();
        return rows.stream().map(r -> {
            long reached = n(r[7]);
            long satisfied = n(r[8]);
            return new Row((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]),
                    reached == 0 ? null : Math.round(satisfied * 10_000.0 / reached) / 10_000.0);
        }).toList();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
