package io.tousu.platform.jdbc;

import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * New rows for one table, inserted in one JDBC batch on the current transaction's connection
 * (the driver sends it as multi-row INSERTs when {@code reWriteBatchedInserts} is on). For rows
 * that are only ever inserted, hundreds at a time: as managed entities, their flush cost more
 * than the database spent storing them. A value is null, text, a number, a UUID, an enum (its
 * name), an {@link Instant} or {@link Json}.
 */
public final class BatchInsert {
    private final String sql;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    /** @param columns the table's columns, in the order {@link #row} gives their values */
    public BatchInsert(String table, String... columns) {
        this.sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
        this.columns = List.of(columns);
    }

    /** Text for a {@code json} or {@code jsonb} column: sent untyped, so the database casts it. */
    public record Json(String text) {
    }

    public BatchInsert row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        rows.add(values);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public List<String> columns() {
        return columns;
    }

    /**
     * Inserts the rows in the current transaction: the pool hands out the connection enlisted in
     * it, the one the ORM writes on, and the handle is closed again at once, so that the pool
     * does not find it open at commit.
     */
    public void writeTo(DataSource dataSource) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(insert, i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException(sql + " failed", e);
        }
    }

    private static void bind(PreparedStatement insert, int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.OTHER);
        } else if (value instanceof Instant instant) {
            insert.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof Json json) {
            insert.setObject(index, json.text(), Types.OTHER);
        } else if (value instanceof Enum<?> e) {
            insert.setString(index, e.name());
        } else {
            insert.setObject(index, value);
        }
    }
}
