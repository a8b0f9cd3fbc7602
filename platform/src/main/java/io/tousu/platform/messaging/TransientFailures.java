package io.tousu.platform.messaging;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Tells failures that a retry can cure (the database is away, a deadlock or serialisation
 * conflict, a lock timeout) from those it cannot (a bug, data the code cannot handle).
 */
public final class TransientFailures {
    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** 08 connection, 40 rollback (serialisation, deadlock), 53 resources, 55P03 lock timeout, 57P operator. */
    private static boolean transientState(String state) {
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.equals("55P03")
                || state.startsWith("57P");
    }
}
