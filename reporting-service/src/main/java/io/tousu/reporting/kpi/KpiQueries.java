package io.tousu.reporting.kpi;

import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.ZoneId;

/** Computes KPIs from the complaint facts. */
@ApplicationScoped
public class KpiQueries {
    private final EntityManager em;
    private final ZoneId zone;

    public KpiQueries(EntityManager em, ServiceZone zone) {
        this.em = em;
        this.zone = zone.id();
    }

    public Kpis kpis(ReportPeriod period) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE received_at >= ?1 AND received_at < ?2),
                               count(*) FILTER (WHERE dispatched_at >= ?1 AND dispatched_at < ?2)
                        FROM complaint_fact""")
                .setParameter(1, Timestamp.from(period.startIn(zone)))
                .setParameter(2, Timestamp.from(period.endIn(zone)))
                .getSingleResult();
        return new Kpis(period.from(), period.to(), ((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
