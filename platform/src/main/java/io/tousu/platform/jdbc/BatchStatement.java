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
import java.util.List;
import java.util.UUID;

/**
 * One SQL statement run for many rows of parameters in one JDBC batch on the current
 * transaction's connection: a round trip for hundreds of rows instead of one each. A value is
 * null, text, a number, a UUID, an enum (its name), an {@link Instant}, a {@code String[]} (a
 * {@code text[]}), a {@code UUID[]} (a {@code uuid[]}) or {@link Json}.
 */
public final class BatchStatement {
    private final String sql;
    private final int parameters;
    private final List<Object[]> rows = new ArrayList<>();

    public BatchStatement(String sql, int parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    /** Text for a {@code json} or {@code jsonb} column: sent untyped, so the database casts it. */
    public record Json(String text) {
    }

    public BatchStatement row(Object... values) {
        if (values.length != parameters) {
            throw new IllegalArgumentException("expected " + parameters + " values, got " + values.length);
        }
        rows.add(values);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /**
     * Runs the rows in the current transaction: the pool hands out the connection enlisted in it,
     * the one the ORM writes on, and the handle is closed again at once, so that the pool does not
     * find it open at commit.
     */
    public void writeTo(DataSource dataSource) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(statement, i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException(sql + " failed", e.getNextException() != null ? e.getNextException() : e);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof Json json) {
            statement.setObject(index, json.text(), Types.OTHER);
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else if (value instanceof String[] texts) {
            statement.setArray(index, statement.getConnection().createArrayOf("text", texts));
        } else if (value instanceof UUID[] ids) {
            statement.setArray(index, statement.getConnection().createArrayOf("uuid", ids));
        } else {
            statement.setObject(index, value);
        }
    }
}
