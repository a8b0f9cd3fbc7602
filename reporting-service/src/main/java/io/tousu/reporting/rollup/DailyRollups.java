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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The pre-aggregated tables the reports read, kept by difference: a batch reads what its
 * complaints contribute before and after its events ({@link #of}) and adds the change
 * ({@link #add}). {@code kpi_day}: per day, channel, top-level category, department and area,
 * each KPI's counts on its own day. {@code tally_day}: per day, root causes (by the result's day),
 * referral sources (by the receipt's) and settled clocks by kind and state (by the due day). A
 * complaint's contribution depends on its rows only ({@link Contributions}), so the tables stay
 * the sum over all complaints whatever order their events came in.
 */
@ApplicationScoped
public class DailyRollups {
    private static final List<String> KPI_KEYS = List.of("day", "channel", "category", "department", "area",
            "area_province", "area_city", "area_district");
    private static final String UPSERT_KPI = "INSERT INTO kpi_day (" + String.join(", ", KPI_KEYS) + ", "
            + Arrays.stream(Contributions.Kpi.values()).map(Contributions.Kpi::column).collect(Collectors.joining(", "))
            + ") VALUES (?" + ", ?".repeat(KPI_KEYS.size() + Contributions.Kpi.values().length - 1) + ") ON CONFLICT ("
            + String.join(", ", KPI_KEYS) + ") DO UPDATE SET " + Arrays.stream(Contributions.Kpi.values())
            .map(k -> k.column() + " = kpi_day." + k.column() + " + EXCLUDED." + k.column()).collect(Collectors.joining(", "));
    private static final String UPSERT_TALLY = "INSERT INTO tally_day (day, tally, key, n) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (day, tally, key) DO UPDATE SET n = tally_day.n + EXCLUDED.n";

    private final AgroalDataSource dataSource;
    private final ZoneId zone;

    public DailyRollups(AgroalDataSource dataSource, ServiceZone zone) {
        this.dataSource = dataSource;
        this.zone = zone.id();
    }

    /** What these complaints contribute now; their rows should be locked ({@code ComplaintFacts.prepare}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contributions of(Collection<UUID> complaints) {
        return new Contributions(zone).addAll(read(complaints.stream().distinct().toArray(UUID[]::new)));
    }

    /** Adds {@code after - before} to the tables, key by key in one order (no deadlock between batches). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Contributions before, Contributions after) {
        BatchStatement kpis = new BatchStatement(UPSERT_KPI, KPI_KEYS.size() + Contributions.Kpi.values().length);
        Contributions.kpiChange(before, after).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Contributions.KpiKey::toString)))
                .forEach(e -> {
                    Contributions.KpiKey k = e.getKey();
                    List<Object> row = new ArrayList<>(List.of(k.day(), k.channel(), k.category(), k.department(), k.area(),
                            k.province(), k.city(), k.district()));
                    for (Contributions.Kpi kpi : Contributions.Kpi.values()) {
                        long v = e.getValue()[kpi.ordinal()];
                        row.add(kpi == Contributions.Kpi.COMPENSATION ? BigDecimal.valueOf(v, 2) : v);
                    }
                    kpis.row(row.toArray());
                });
        kpis.writeTo(dataSource);
        BatchStatement tallies = new BatchStatement(UPSERT_TALLY, 4);
        Contributions.tallyChange(before, after).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Contributions.TallyKey::toString)))
                .forEach(e -> tallies.row(e.getKey().day(), e.getKey().tally(), e.getKey().key(), e.getValue()));
        tallies.writeTo(dataSource);
    }

    private List<ComplaintRows> read(UUID[] ids) {
        if (ids.length == 0) {
            return List.of();
        }
        Map<UUID, List<ComplaintRows.Occurrence>> occurrences = new HashMap<>();
        Map<UUID, List<ComplaintRows.Clock>> clocks = new HashMap<>();
        List<ComplaintRows.Fact> facts = new ArrayList<>(ids.length);
        try (Connection connection = dataSource.getConnection()) {
            query(connection, """
                    SELECT complaint_id, channel, category, department, area, area_province, area_city, area_district,
                           received_at, resolved_on_first_contact, repeat_of IS NOT NULL, escalated, referral_source,
                           incident_id IS NOT NULL, dispatched_at, root_cause, breaches, result_at, closed_at, closed_reason,
                           reopened_at, reply_due_at, reply_state, replied_at
                    FROM complaint_fact WHERE complaint_id = ANY(?)""", ids, rs -> facts.add(new ComplaintRows.Fact(
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), rs.getBoolean(10),
                    rs.getBoolean(11), rs.getBoolean(12), rs.getString(13), rs.getBoolean(14), instant(rs, 15),
                    rs.getString(16), rs.getInt(17), instant(rs, 18), instant(rs, 19), rs.getString(20), instant(rs, 21),
                    instant(rs, 22), rs.getString(23), instant(rs, 24))));
            query(connection, "SELECT complaint_id, kind, at, detail, amount FROM occurrence WHERE complaint_id = ANY(?)",
                    ids, rs -> {
                        BigDecimal amount = rs.getBigDecimal(5);
                        occurrences.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new ComplaintRows.Occurrence(rs.getString(2), instant(rs, 3), rs.getString(4),
                                        amount == null ? 0 : amount.movePointRight(2).longValue()));
                    });
            query(connection, "SELECT complaint_id, kind, due_at, state FROM clock_fact WHERE complaint_id = ANY(?)", ids,
                    rs -> clocks.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new ComplaintRows.Clock(rs.getString(2), instant(rs, 3), rs.getString(4))));
        } catch (SQLException e) {
            throw new PersistenceException("reading what complaints contribute to the reports failed", e);
        }
        return facts.stream().map(f -> new ComplaintRows(f, occurrences.getOrDefault(f.complaintId(), List.of()),
                clocks.getOrDefault(f.complaintId(), List.of()))).toList();
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, UUID[] ids, RowReader reader) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
