package io.tousu.intake.complaint;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Human-readable complaint numbers, {@code TS} + receipt day + serial, e.g.
 * {@code TS20261122000123}: sortable by day and unique across replicas. Serials come from a
 * database sequence in blocks, so only one request in a block pays a round trip and no
 * request waits on another's transaction.
 */
@ApplicationScoped
public class ComplaintNumbers {
    /** Must equal the INCREMENT BY of complaint_number_seq. */
    static final int BLOCK = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final EntityManager em;
    private final ZoneId zone;
    private long next;
    private long blockEnd;

    public ComplaintNumbers(EntityManager em, ServiceZone zone) {
        this.em = em;
        this.zone = zone.id();
    }

    public String next(Instant receivedAt) {
        return "TS" + DAY.format(receivedAt.atZone(zone)) + String.format("%06d", serial());
    }

    private synchronized long serial() {
        if (next == blockEnd) {
            next = allocateBlock();
            blockEnd = next + BLOCK;
        }
        return next++;
    }

    private long allocateBlock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT nextval('complaint_number_seq')").getSingleResult()).longValue());
    }
}
