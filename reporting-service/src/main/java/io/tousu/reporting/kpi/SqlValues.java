package io.tousu.reporting.kpi;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A time stamp as a native query hands it back: Hibernate gives an Instant, the driver a Timestamp. */
public final class SqlValues {
    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
