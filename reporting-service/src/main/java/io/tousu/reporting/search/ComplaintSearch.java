package io.tousu.reporting.search;

import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.time.ServiceZone;
import io.tousu.reporting.kpi.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The complaint database as analysts and supervisors search it: by period of receipt, status,
 * channel, category (a code or its top level), department, area (a name or its start) and
 * Chinese full text, newest first, paged. Customers' phone numbers and names are masked unless the
 * reader is a supervisor, and every unmasked view is recorded.
 */
@ApplicationScoped
public class ComplaintSearch {
    static final int MAX_SIZE = 100;
    private static final Set<String> STATUSES = Set.of("RECEIVED", "RESOLVED_FIRST_CONTACT", "DISPATCHED",
            "RESULT_RETURNED", "REPLIED", "REOPENED", "CLOSED");
    /** The status the facts show, as intake names it. */
    private static final String STATUS = """
            CASE WHEN f.closed_at IS NOT NULL AND (f.reopened_at IS NULL OR f.reopened_at < f.closed_at) THEN 'CLOSED'
                 WHEN f.reopened_at IS NOT NULL AND (f.replied_at IS NULL OR f.reopened_at > f.replied_at) THEN 'REOPENED'
                 WHEN f.replied_at IS NOT NULL THEN 'REPLIED'
                 WHEN f.result_at IS NOT NULL THEN 'RESULT_RETURNED'
                 WHEN f.dispatched_at IS NOT NULL THEN 'DISPATCHED'
                 WHEN f.resolved_on_first_contact THEN 'RESOLVED_FIRST_CONTACT'
                 ELSE 'RECEIVED' END""";

    private final EntityManager em;
    private final ZoneId zone;
    private final Clock clock;

    public ComplaintSearch(EntityManager em, ServiceZone zone, Clock clock) {
        this.em = em;
        this.zone = zone.id();
        this.clock = clock;
    }

    /** The filters, as the query string gives them. */
    public record Criteria(String from, String to, String status, String channel, String category, String department,
                           String area, String q, int page, int size) {
    }

    public record Hit(UUID complaintId, String number, OffsetDateTime receivedAt, String status, String channel,
                      String category, String area, String department, String subject, String customerName,
                      String phone, boolean masked) {
    }

    public record Page(int page, int size, List<Hit> items) {
    }

    /** Who reads: a supervisor sees customers unmasked, and is recorded doing so. */
    public record Reader(String name, boolean supervisor, String remote, String request) {
    }

    @Transactional
    public Page search(Criteria c, Reader reader) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date("from", c.from(), errors);
        LocalDate to = date("to", c.to(), errors);
        if (c.status() != null && !STATUSES.contains(c.status())) {
            errors.add(new FieldError("status", "must be one of " + STATUSES));
        }
        String q = c.q() == null ? "" : SearchText.normalise(c.q());
        if (c.q() != null && !c.q().isBlank() && q.isEmpty()) {
            errors.add(new FieldError("q", "must hold a letter or digit"));
        }
        if (c.page() < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (c.size() < 1 || c.size() > MAX_SIZE) {
            errors.add(new FieldError("size", "must be 1 to " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StringBuilder where = new StringBuilder("WHERE f.received_at IS NOT NULL");
        List<Object> params = new ArrayList<>();
        if (from != null) {
            where.append(" AND f.received_at >= ?").append(params.size() + 1);
            params.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            where.append(" AND f.received_at < ?").append(params.size() + 1);
            params.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        equal(where, params, "f.channel", c.channel());
        equal(where, params, "f.department", c.department());
        equal(where, params, "(" + STATUS + ")", c.status());
        if (c.category() != null && !c.category().isBlank()) {
            where.append(" AND (f.category = ?").append(params.size() + 1).append(" OR f.category LIKE ?")
                    .append(params.size() + 2).append(")");
            params.add(c.category());
            params.add(like(c.category()) + ".%");
        }
        if (c.area() != null && !c.area().isBlank()) {
            where.append(" AND f.area LIKE ?").append(params.size() + 1);
            params.add(like(c.area()) + "%");
        }
        if (!q.isEmpty()) {
            // The GIN index finds the candidates by their grams; the normalised text confirms the match.
            where.append(" AND t.grams @> CAST(?").append(params.size() + 1).append(" AS text[])")
                    .append(" AND strpos(t.search_text, ?").append(params.size() + 2).append(") > 0");
            params.add(SearchText.required(q).toArray(String[]::new));
            params.add(q);
        }
        Query query = em.createNativeQuery("SELECT f.complaint_id, f.number, f.received_at, " + STATUS + ", f.channel, "
                + "f.category, f.area, f.department, t.subject, t.customer_name, t.phone FROM complaint_fact f "
                + "JOIN complaint_text t ON t.complaint_id = f.complaint_id " + where
                + " ORDER BY f.received_at DESC, f.complaint_id LIMIT " + c.size() + " OFFSET " + (long) c.page() * c.size());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean unmasked = reader.supervisor();
        List<Hit> hits = rows.stream().map(r -> new Hit((UUID) r[0], (String) r[1],
                SqlValues.instant(r[2]).atZone(zone).toOffsetDateTime(), (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8],
                unmasked ? (String) r[9] : Masking.name((String) r[9]),
                unmasked ? (String) r[10] : Masking.phone((String) r[10]), !unmasked)).toList();
        if (unmasked) {
            audit(reader, hits);
        }
        return new Page(c.page(), c.size(), hits);
    }

    private void audit(Reader reader, List<Hit> hits) {
        Instant now = clock.instant();
        for (Hit h : hits) {
            if (h.customerName() == null && h.phone() == null) {
                continue; // nothing personal was shown
            }
            em.createNativeQuery("INSERT INTO unmasked_view (viewer, complaint_id, viewed_at, remote, request) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, reader.name()).setParameter(2, h.complaintId()).setParameter(3, Timestamp.from(now))
                    .setParameter(4, reader.remote()).setParameter(5, truncate(reader.request(), 500))
                    .executeUpdate();
        }
    }

    public record View(String viewer, UUID complaintId, OffsetDateTime viewedAt, String remote, String request) {
    }

    /** The unmasked views, newest first. */
    public List<View> audit(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException(List.of(new FieldError("page", "must be 0 or more"),
                    new FieldError("size", "must be 1 to " + MAX_SIZE)));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT viewer, complaint_id, viewed_at, remote, request "
                        + "FROM unmasked_view ORDER BY viewed_at DESC, id DESC LIMIT ?1 OFFSET ?2")
                .setParameter(1, size).setParameter(2, (long) page * size).getResultList();
        return rows.stream().map(r -> new View((String) r[0], (UUID) r[1],
                SqlValues.instant(r[2]).atZone(zone).toOffsetDateTime(), (String) r[3], (String) r[4])).toList();
    }

    private static void equal(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = ?").append(params.size() + 1);
            params.add(value);
        }
    }

    /** A LIKE pattern matching the text literally. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
