package io.tousu.reporting.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.reporting.area.Divisions;
import io.tousu.reporting.search.SearchText;
import io.tousu.platform.jdbc.BatchStatement;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One row per complaint, and one per countable occurrence, from every topic. Topics are not
 * ordered against each other, so each event sets its columns in a way its order does not matter:
 * the first time of a thing keeps the earliest, a count grows once per event (the inbox drops a
 * redelivery), a snapshot ({@code ClocksSet}) replaces an older one only. Because the order does
 * not matter, a batch's statements are collected ({@link Writes}) and run in one JDBC batch per
 * statement, after {@link #prepare} has made and locked the row of every complaint they touch.
 */
@ApplicationScoped
public class ComplaintFacts {
    /** The events reporting reads, by type without version. */
    public static final Set<String> READ = Set.of(ReceivedComplaint.TYPE, DispatchedWorkOrder.TYPE,
            Lifecycle.IncidentLinked.TYPE, Lifecycle.ComplaintEscalated.TYPE, Lifecycle.WorkOrderReturned.TYPE,
            Lifecycle.ResultSubmitted.TYPE, Lifecycle.CustomerReplied.TYPE, Lifecycle.CallbackRecorded.TYPE,
            Lifecycle.ComplaintReopened.TYPE, Lifecycle.ComplaintClosed.TYPE, Lifecycle.SlaBreached.TYPE,
            Lifecycle.ClocksSet.TYPE);
    /** The clock whose due time is the reply's: REPLY in the seeds, ANSWER in the regulators' packs. */
    private static final List<String> REPLY_CLOCKS = List.of("REPLY", "ANSWER");

    private static final String UPSERT_CLOCK = """
            INSERT INTO clock_fact (complaint_id, kind, round, due_at, state, set_at)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (complaint_id, kind, round) DO UPDATE
            SET due_at = EXCLUDED.due_at, state = EXCLUDED.state, set_at = EXCLUDED.set_at
            WHERE clock_fact.set_at < EXCLUDED.set_at""";
    private static final String UPSERT_TEXT = """
            INSERT INTO complaint_text (complaint_id, subject, description, customer_name, phone, search_text, grams)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (complaint_id) DO UPDATE SET subject = EXCLUDED.subject,
            description = EXCLUDED.description, customer_name = EXCLUDED.customer_name, phone = EXCLUDED.phone,
            search_text = EXCLUDED.search_text, grams = EXCLUDED.grams""";
    private static final String INSERT_OCCURRENCE = """
            INSERT INTO occurrence (event_id, complaint_id, kind, at, detail, amount)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Divisions divisions;

    public ComplaintFacts(AgroalDataSource dataSource, ObjectMapper mapper, Divisions divisions) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.divisions = divisions;
    }

    /** A batch's statements, by statement, run together by {@link #write}. */
    public static final class Writes {
        private final Map<String, BatchStatement> statements = new LinkedHashMap<>();

        void add(String sql, Object... values) {
            statements.computeIfAbsent(sql, s -> new BatchStatement(s, values.length)).row(values);
        }
    }

    /** The complaint an event is about: its CloudEvent subject, else its {@code complaintId}. */
    public UUID complaintOf(IncomingEvent event) {
        try {
            return UUID.fromString(event.subject());
        } catch (RuntimeException notAnId) {
            return event.data(ComplaintOnly.class, mapper).complaintId();
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ComplaintOnly(UUID complaintId) {
    }

    /**
     * Makes a row for each complaint not seen yet and locks them all, in id order: then each
     * complaint's rows may be read before and after the batch (the pre-aggregates add the
     * difference) without another consumer changing them in between.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(Collection<UUID> complaints) {
        UUID[] ids = complaints.stream().distinct().sorted().toArray(UUID[]::new);
        if (ids.length == 0) {
            return;
        }
        // DO UPDATE ... WHERE FALSE updates nothing but locks each row that is there already.
        new BatchStatement("INSERT INTO complaint_fact (complaint_id) SELECT unnest(?::uuid[]) ON CONFLICT (complaint_id) "
                + "DO UPDATE SET complaint_id = EXCLUDED.complaint_id WHERE FALSE", 1).row((Object) ids).writeTo(dataSource);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(Writes writes) {
        writes.statements.values().forEach(s -> s.writeTo(dataSource));
    }

    /** Adds the event's statements to the batch's {@code writes}. */
    public void apply(IncomingEvent event, Writes w) {
        switch (event.typeName()) {
            case ReceivedComplaint.TYPE -> received(event.data(ReceivedComplaint.class, mapper), w);
            case DispatchedWorkOrder.TYPE -> dispatched(event.data(DispatchedWorkOrder.class, mapper), w);
            case Lifecycle.IncidentLinked.TYPE -> {
                var e = event.data(Lifecycle.IncidentLinked.class, mapper);
                upsert(w, id(e.complaintId()), "incident_id", "incident_id = EXCLUDED.incident_id", e.incidentId());
            }
            case Lifecycle.ComplaintEscalated.TYPE -> {
                var e = event.data(Lifecycle.ComplaintEscalated.class, mapper);
                upsert(w, id(e.complaintId()), "escalated", "escalated = TRUE", true);
                occurred(w, event, e.complaintId(), "ESCALATED", e.escalatedAt(), "L" + e.escalationLevel(), null);
            }
            case Lifecycle.WorkOrderReturned.TYPE -> {
                var e = event.data(Lifecycle.WorkOrderReturned.class, mapper);
                upsert(w, id(e.complaintId()), "returns", "returns = complaint_fact.returns + 1", 1);
                occurred(w, event, e.complaintId(), "RETURNED", e.returnedAt(), e.department(), null);
            }
            case Lifecycle.ResultSubmitted.TYPE -> {
                var e = event.data(Lifecycle.ResultSubmitted.class, mapper);
                upsert(w, id(e.complaintId()), "result_at, root_cause", "result_at = LEAST(complaint_fact.result_at, "
                        + "EXCLUDED.result_at), root_cause = COALESCE(EXCLUDED.root_cause, complaint_fact.root_cause)",
                        time(e.submittedAt(), event), e.rootCause());
                occurred(w, event, e.complaintId(), "RESULT", e.submittedAt(), e.outcome(), e.amount());
            }
            case Lifecycle.CustomerReplied.TYPE -> {
                var e = event.data(Lifecycle.CustomerReplied.class, mapper);
                upsert(w, id(e.complaintId()), "replied_at", "replied_at = LEAST(complaint_fact.replied_at, EXCLUDED.replied_at)",
                        time(e.repliedAt(), event));
                occurred(w, event, e.complaintId(), "REPLIED", e.repliedAt(), e.channel(), null);
            }
            case Lifecycle.CallbackRecorded.TYPE -> {
                var e = event.data(Lifecycle.CallbackRecorded.class, mapper);
                occurred(w, event, id(e.complaintId()), "CALLBACK", e.recordedAt(),
                        e.reached() ? e.satisfaction() : "UNREACHED", null);
            }
            case Lifecycle.ComplaintReopened.TYPE -> {
                var e = event.data(Lifecycle.ComplaintReopened.class, mapper);
                upsert(w, id(e.complaintId()), "reopens, reopened_at", "reopens = GREATEST(complaint_fact.reopens, "
                        + "EXCLUDED.reopens), reopened_at = GREATEST(complaint_fact.reopened_at, EXCLUDED.reopened_at)",
                        Math.max(e.round() - 1, 1), time(e.reopenedAt(), event));
                occurred(w, event, e.complaintId(), "REOPENED", e.reopenedAt(), Integer.toString(e.round()), null);
            }
            case Lifecycle.ComplaintClosed.TYPE -> {
                var e = event.data(Lifecycle.ComplaintClosed.class, mapper);
                // The latest close stands (a supervisory callback may reopen a closed complaint).
                upsert(w, id(e.complaintId()), "closed_at, closed_reason", "closed_reason = CASE WHEN complaint_fact.closed_at "
                        + "IS NULL OR EXCLUDED.closed_at > complaint_fact.closed_at THEN EXCLUDED.closed_reason ELSE "
                        + "complaint_fact.closed_reason END, closed_at = GREATEST(complaint_fact.closed_at, EXCLUDED.closed_at)",
                        time(e.closedAt(), event), e.reason());
            }
            case Lifecycle.SlaBreached.TYPE -> {
                var e = event.data(Lifecycle.SlaBreached.class, mapper);
                upsert(w, id(e.complaintId()), "breaches", "breaches = complaint_fact.breaches + 1", 1);
                occurred(w, event, e.complaintId(), "BREACHED", e.breachedAt(), e.kind(), null);
            }
            case Lifecycle.ClocksSet.TYPE -> clocksSet(event.data(Lifecycle.ClocksSet.class, mapper), event, w);
            default -> throw new IllegalArgumentException("not read: " + event.type());
        }
    }

    private void received(ReceivedComplaint c, Writes w) {
        if (c.complaintId() == null || c.receivedAt() == null || c.channel() == null) {
            throw new PoisonMessageException("ComplaintReceived without complaintId, receivedAt or channel");
        }
        Divisions.Place place = divisions.of(c.area());
        String text = SearchText.normalise(String.join(" ", c.subject() == null ? "" : c.subject(),
                c.description() == null ? "" : c.description()));
        upsert(w, c.complaintId(), "number, channel, type, category, area, status, received_at, resolved_on_first_contact, "
                        + "referral_source, area_province, area_city, area_district", """
                        number = EXCLUDED.number, channel = EXCLUDED.channel, type = EXCLUDED.type,
                        category = COALESCE(complaint_fact.category, EXCLUDED.category), area = EXCLUDED.area,
                        status = COALESCE(complaint_fact.status, EXCLUDED.status), received_at = EXCLUDED.received_at,
                        resolved_on_first_contact = EXCLUDED.resolved_on_first_contact,
                        referral_source = EXCLUDED.referral_source, area_province = EXCLUDED.area_province,
                        area_city = EXCLUDED.area_city, area_district = EXCLUDED.area_district""",
                c.number(), c.channel(), c.type(), c.category(), c.area(), c.status(), c.receivedAt().toInstant(),
                c.resolvedOnFirstContact(), c.referralSource(), place.province(), place.city(), place.district());
        w.add(UPSERT_TEXT, c.complaintId(), c.subject(), c.description(),
                c.customer() == null ? null : c.customer().name(), c.customer() == null ? null : c.customer().phone(),
                text, SearchText.grams(text).toArray(String[]::new));
    }

    /** The first dispatch names the department the complaint is attributed to; routing's category wins. */
    private void dispatched(DispatchedWorkOrder d, Writes w) {
        if (d.complaintId() == null || d.dispatchedAt() == null) {
            throw new PoisonMessageException("WorkOrderDispatched without complaintId or dispatchedAt");
        }
        upsert(w, d.complaintId(), "department, category, dispatched_at, repeat_of, incident_id", """
                        department = COALESCE(complaint_fact.department, EXCLUDED.department),
                        category = COALESCE(EXCLUDED.category, complaint_fact.category),
                        dispatched_at = LEAST(complaint_fact.dispatched_at, EXCLUDED.dispatched_at),
                        repeat_of = COALESCE(complaint_fact.repeat_of, EXCLUDED.repeat_of),
                        incident_id = COALESCE(complaint_fact.incident_id, EXCLUDED.incident_id)""",
                d.department(), d.category(), d.dispatchedAt(), d.repeatOf(), d.incidentId());
    }

    /**
     * A newer snapshot replaces an older one: the reply clock's due time and state, the running
     * clocks' next warning and due time.
     */
    private void clocksSet(Lifecycle.ClocksSet s, IncomingEvent event, Writes w) {
        Instant setAt = time(s.setAt(), event);
        List<Lifecycle.ClocksSet.Clock> clocks = s.clocks() == null ? List.of() : s.clocks();
        Lifecycle.ClocksSet.Clock reply = REPLY_CLOCKS.stream().flatMap(kind -> clocks.stream()
                .filter(c -> kind.equals(c.kind()) && c.round() <= 1 && c.dueAt() != null)).findFirst().orElse(null);
        List<Lifecycle.ClocksSet.Clock> pending = clocks.stream().filter(c -> "PENDING".equals(c.state())).toList();
        Instant nextWarn = pending.stream().map(Lifecycle.ClocksSet.Clock::warnAt).filter(t -> t != null)
                .min(Instant::compareTo).orElse(null);
        Instant nextDue = pending.stream().map(Lifecycle.ClocksSet.Clock::dueAt).filter(t -> t != null)
                .min(Instant::compareTo).orElse(null);
        upsert(w, id(s.complaintId()), "clocks_set_at, reply_due_at, reply_state, next_warn_at, next_due_at", """
                        reply_due_at = CASE WHEN newer THEN EXCLUDED.reply_due_at ELSE complaint_fact.reply_due_at END,
                        reply_state = CASE WHEN newer THEN EXCLUDED.reply_state ELSE complaint_fact.reply_state END,
                        next_warn_at = CASE WHEN newer THEN EXCLUDED.next_warn_at ELSE complaint_fact.next_warn_at END,
                        next_due_at = CASE WHEN newer THEN EXCLUDED.next_due_at ELSE complaint_fact.next_due_at END,
                        clocks_set_at = GREATEST(complaint_fact.clocks_set_at, EXCLUDED.clocks_set_at)"""
                        .replace("newer", "(complaint_fact.clocks_set_at IS NULL OR EXCLUDED.clocks_set_at > complaint_fact.clocks_set_at)"),
                setAt, reply == null ? null : reply.dueAt(), reply == null ? null : reply.state(), nextWarn, nextDue);
        for (Lifecycle.ClocksSet.Clock c : clocks) {
            if (c.kind() != null && c.dueAt() != null && c.state() != null) {
                w.add(UPSERT_CLOCK, s.complaintId(), c.kind(), Math.max(c.round(), 1), c.dueAt(), c.state(), setAt);
            }
        }
    }

    /** {@code INSERT (complaint_id, columns) ... ON CONFLICT DO UPDATE SET updates}, in one statement. */
    private static void upsert(Writes w, UUID complaintId, String columns, String updates, Object... values) {
        Object[] row = new Object[values.length + 1];
        row[0] = complaintId;
        System.arraycopy(values, 0, row, 1, values.length);
        w.add("INSERT INTO complaint_fact (complaint_id, " + columns + ") VALUES (?" + ", ?".repeat(values.length)
                + ") ON CONFLICT (complaint_id) DO UPDATE SET " + updates, row);
    }

    private static void occurred(Writes w, IncomingEvent event, UUID complaintId, String kind, Instant at, String detail,
                                 BigDecimal amount) {
        w.add(INSERT_OCCURRENCE, event.id(), complaintId, kind, time(at, event), detail, amount);
    }

    private static UUID id(UUID complaintId) {
        if (complaintId == null) {
            throw new PoisonMessageException("event without complaintId");
        }
        return complaintId;
    }

    /** The event's own time, else the CloudEvent's. */
    private static Instant time(Instant at, IncomingEvent event) {
        Instant t = at != null ? at : event.time();
        if (t == null) {
            throw new PoisonMessageException("event " + event.id() + " has no time");
        }
        return t;
    }
}
