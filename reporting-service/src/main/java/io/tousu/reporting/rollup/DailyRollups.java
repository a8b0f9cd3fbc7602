package io.tousu.reporting.rollup;

import io.agroal.api.AgroalDataSource;
import io.tousu.platform.jdbc.BatchStatement;
import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The pre-aggregated tables the reports read, kept by difference: a batch reads what its
 * complaints contribute before and after its events ({@link #of}) and adds the change
 * ({@link #add}). {@code kpi_day}: per day, channel, top-level category, department and area,
 * each KPI's counts on its own day. {@code tally_day}: per day, root causes (by the result's day),
 * referral sources (by the receipt's) and settled clocks by kind and state (by the due day).
 */
@ApplicationScoped
public class DailyRollups {
    /** Referrals from regulators and government hotlines (MEDIA and consumer associations are not regulators). */
    private static final String REGULATORS = "('MIIT', 'GOV_HOTLINE', 'ENERGY_REGULATOR')";
    static final List<String> KPI_KEYS = List.of("day", "channel", "category", "department", "area", "area_province",
            "area_city", "area_district");
    static final List<String> KPI_MEASURES = List.of("received", "fcr", "repeats", "escalated", "regulator",
            "incident_linked", "dispatched", "attributed", "overdue", "closed", "unreachable", "withdrawals",
            "handling_seconds", "handled", "reply_due", "replied_on_time", "callbacks_reached", "callbacks_satisfied",
            "reopened", "replies", "returns", "compensation", "breaches", "escalations");

    private final AgroalDataSource dataSource;
    private final List<Rollup> rollups;

    public DailyRollups(AgroalDataSource dataSource, ServiceZone zone) {
        this.dataSource = dataSource;
        String z = zone.id().getId();
        this.rollups = List.of(
                new Rollup("kpi_day", KPI_KEYS, KPI_MEASURES, Rollup.contributions(kpiParts(), KPI_MEASURES, z)),
                new Rollup("tally_day", List.of("day", "tally", "key"), List.of("n"), """
                        SELECT (p.t AT TIME ZONE '%1$s')::date, p.tally, p.key, count(*) FROM (
                            SELECT v.* FROM complaint_fact f CROSS JOIN LATERAL (VALUES
                                (f.result_at, 'ROOT_CAUSE', COALESCE(f.root_cause, 'UNKNOWN')),
                                (CASE WHEN f.referral_source IS NOT NULL THEN f.received_at END, 'REFERRAL',
                                 f.referral_source)) AS v(t, tally, key)
                            WHERE f.complaint_id IN (SELECT id FROM %2$s) AND v.t IS NOT NULL
                            UNION ALL
                            SELECT c.due_at, 'CLOCK_' || c.state, c.kind FROM clock_fact c
                            WHERE c.complaint_id IN (SELECT id FROM %2$s) AND c.state <> 'PENDING') p
                        GROUP BY 1, 2, 3""".formatted(z, Rollup.COMPLAINTS)));
    }

    /** How each KPI counts a complaint, on which day; the README defines each in a sentence. */
    private static List<Rollup.Part> kpiParts() {
        return List.of(
                new Rollup.Part("f.received_at", null, "", "NULL", Map.of(
                        "received", "1",
                        "fcr", "f.resolved_on_first_contact::int",
                        "repeats", "(f.repeat_of IS NOT NULL)::int",
                        "escalated", "f.escalated::int",
                        "regulator", "(f.referral_source IN " + REGULATORS + ")::int",
                        "incident_linked", "(f.incident_id IS NOT NULL)::int")),
                new Rollup.Part("f.dispatched_at", null, "", "NULL", Map.of(
                        "dispatched", "1",
                        "attributed", "(f.root_cause = 'COMPANY')::int",
                        "overdue", "(f.breaches > 0)::int")),
                // A complaint reopened after it closed (the supervisory callback) is not closed.
                new Rollup.Part("f.closed_at", null, "(f.reopened_at IS NULL OR f.reopened_at < f.closed_at)",
                        "NULL", Map.of(
                        "closed", "1",
                        "unreachable", "(f.closed_reason = 'UNREACHABLE')::int",
                        "withdrawals", "(f.closed_reason = 'WITHDRAWN')::int",
                        "handling_seconds", "CASE WHEN f.closed_reason <> 'WITHDRAWN' AND f.received_at IS NOT NULL "
                                + "THEN round(extract(epoch FROM f.closed_at - f.received_at))::bigint ELSE 0 END",
                        "handled", "(f.closed_reason <> 'WITHDRAWN' AND f.received_at IS NOT NULL)::int")),
                // Due and replied, or due and breached by followup's reply clock without a reply; a
                // withdrawn unreplied complaint owes nothing.
                new Rollup.Part("f.reply_due_at", null, "(f.replied_at IS NOT NULL OR (f.reply_state = "
                        + "'BREACHED' AND f.closed_reason IS DISTINCT FROM 'WITHDRAWN'))", "NULL", Map.of(
                        "reply_due", "1",
                        "replied_on_time", "(f.replied_at <= f.reply_due_at)::int")),
                // What happened on its own day; a return counts for the department that returned it.
                new Rollup.Part("o.at", "occurrence o", "", "CASE WHEN o.kind = 'RETURNED' THEN o.detail END", Map.of(
                        "callbacks_reached", "(o.kind = 'CALLBACK' AND o.detail <> 'UNREACHED')::int",
                        "callbacks_satisfied", "(o.kind = 'CALLBACK' AND o.detail IN ('SATISFIED', 'BASICALLY_SATISFIED'))::int",
                        "reopened", "(o.kind = 'REOPENED')::int",
                        "replies", "(o.kind = 'REPLIED')::int",
                        "returns", "(o.kind = 'RETURNED')::int",
                        "compensation", "CASE WHEN o.kind = 'RESULT' THEN COALESCE(o.amount, 0) ELSE 0 END",
                        "breaches", "(o.kind = 'BREACHED')::int",
                        "escalations", "(o.kind = 'ESCALATED')::int")));
    }

    /** What some complaints contribute to each table, at this point of the transaction. */
    public static final class Contributions {
        private final List<Map<List<Object>, BigDecimal[]>> byTable;

        private Contributions(List<Map<List<Object>, BigDecimal[]>> byTable) {
            this.byTable = byTable;
        }
    }

    /** Reads what these complaints contribute now; their rows should be locked ({@code ComplaintFacts.prepare}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contributions of(Collection<UUID> complaints) {
        UUID[] ids = complaints.stream().distinct().toArray(UUID[]::new);
        List<Map<List<Object>, BigDecimal[]>> byTable = new ArrayList<>();
        for (Rollup r : rollups) {
            byTable.add(ids.length == 0 ? Map.of() : read(r, ids));
        }
        return new Contributions(byTable);
    }

    /** Adds {@code after - before} to the tables, key by key in one order (no deadlock between batches). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Contributions before, Contributions after) {
        for (int t = 0; t < rollups.size(); t++) {
            Rollup r = rollups.get(t);
            Map<List<Object>, BigDecimal[]> was = before.byTable.get(t);
            Map<List<Object>, BigDecimal[]> is = after.byTable.get(t);
            Set<List<Object>> keys = new HashSet<>(was.keySet());
            keys.addAll(is.keySet());
            List<List<Object>> sorted = new ArrayList<>(keys);
            sorted.sort(Comparator.comparing(Object::toString));
            BatchStatement upsert = new BatchStatement("INSERT INTO " + r.table() + " (" + String.join(", ", r.keys())
                    + ", " + String.join(", ", r.measures()) + ") VALUES (?" + ", ?".repeat(r.keys().size()
                    + r.measures().size() - 1) + ") ON CONFLICT (" + String.join(", ", r.keys()) + ") DO UPDATE SET "
                    + r.measures().stream().map(m -> m + " = " + r.table() + "." + m + " + EXCLUDED." + m)
                    .collect(Collectors.joining(", ")), r.keys().size() + r.measures().size());
            for (List<Object> key : sorted) {
                BigDecimal[] delta = minus(is.get(key), was.get(key), r.measures().size());
                if (Arrays.stream(delta).anyMatch(d -> d.signum() != 0)) {
                    List<Object> row = new ArrayList<>(key);
                    Collections.addAll(row, (Object[]) delta);
                    upsert.row(row.toArray());
                }
            }
            upsert.writeTo(dataSource);
        }
    }

    private static BigDecimal[] minus(BigDecimal[] a, BigDecimal[] b, int n) {
        BigDecimal[] d = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            d[i] = (a == null ? BigDecimal.ZERO : a[i]).subtract(b == null ? BigDecimal.ZERO : b[i]);
        }
        return d;
    }

    private Map<List<Object>, BigDecimal[]> read(Rollup r, UUID[] ids) {
        String sql = "WITH " + Rollup.COMPLAINTS + " AS (SELECT unnest(?::uuid[]) AS id)\n" + r.contributions();
        Map<List<Object>, BigDecimal[]> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rs = query.executeQuery()) {
                int keys = r.keys().size();
                while (rs.next()) {
                    List<Object> key = new ArrayList<>(keys);
                    key.add(rs.getObject(1, java.time.LocalDate.class));
                    for (int i = 2; i <= keys; i++) {
                        key.add(rs.getString(i));
                    }
                    BigDecimal[] values = new BigDecimal[r.measures().size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getBigDecimal(keys + 1 + i);
                    }
                    rows.put(key, values);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading the contributions to " + r.table() + " failed", e);
        }
        return rows;
    }
}
