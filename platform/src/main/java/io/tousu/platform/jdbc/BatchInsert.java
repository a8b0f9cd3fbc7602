package io.tousu.platform.jdbc;

import javax.sql.DataSource;

import java.util.Collections;
import java.util.List;

/**
 * New rows for one table, inserted in one JDBC batch (a {@link BatchStatement}; the driver sends
 * it as multi-row INSERTs when {@code reWriteBatchedInserts} is on). For rows that are only ever
 * inserted, hundreds at a time: as managed entities, their flush cost more than the database
 * spent storing them.
 */
public final class BatchInsert {
    private final List<String> columns;
    private final BatchStatement insert;

    /** @param columns the table's columns, in the order {@link #row} gives their values */
    public BatchInsert(String table, String... columns) {
        this.columns = List.of(columns);
        this.insert = new BatchStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ")", columns.length);
    }

    public BatchInsert row(Object... values) {
        insert.row(values);
        return this;
    }

    public int size() {
        return insert.size();
    }

    public List<String> columns() {
        return columns;
    }

    /** Inserts the rows in the current transaction (see {@link BatchStatement#writeTo}). */
    public void writeTo(DataSource dataSource) {
        insert.writeTo(dataSource);
    }
}
