package io.tousu.intake.complaint;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
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
    private volatile Day lastDay;

    public ComplaintNumbers(EntityManager em, ServiceZone zone) {
        this.em = em;
        this.zone = zone.id();
    }

    public String next(Instant receivedAt) {
        String serial = Long.toString(serial());
        return "TS" + day(receivedAt) + (serial.length() < 6 ? "000000".substring(serial.length()) : "") + serial;
    }

    /** Formatting the day anew for each complaint was a visible part of a batch's time: it rarely changes. */
    private String day(Instant receivedAt) {
        LocalDate date = LocalDate.ofInstant(receivedAt, zone);
        Day last = lastDay;
        if (last == null || !last.date().equals(date)) {
            last = new Day(date, DAY.format(date));
            lastDay = last;
        }
        return last.text();
    }

    private record Day(LocalDate date, String text) {
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
