package io.tousu.reporting.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.reporting.area.Divisions;
import io.tousu.reporting.search.SearchText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One row per complaint, and one per countable occurrence, from every topic. Topics are not
 * ordered against each other, so each event sets its columns in a way its order does not matter:
 * the first time of a thing keeps the earliest, a count grows once per event (the inbox drops a
 * redelivery), a snapshot ({@code ClocksSet}) replaces an older one only.
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

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Divisions divisions;

    public ComplaintFacts(EntityManager em, ObjectMapper mapper, Divisions divisions) {
        this.em = em;
        this.mapper = mapper;
        this.divisions = divisions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        switch (event.typeName()) {
            case ReceivedComplaint.TYPE -> received(event.data(ReceivedComplaint.class, mapper));
            case DispatchedWorkOrder.TYPE -> dispatched(event.data(DispatchedWorkOrder.class, mapper));
            case Lifecycle.IncidentLinked.TYPE -> {
                var e = event.data(Lifecycle.IncidentLinked.class, mapper);
                upsert(id(e.complaintId()), "incident_id", "incident_id = EXCLUDED.incident_id", e.incidentId());
            }
            case Lifecycle.ComplaintEscalated.TYPE -> {
                var e = event.data(Lifecycle.ComplaintEscalated.class, mapper);
                upsert(id(e.complaintId()), "escalated", "escalated = TRUE", true);
                occurred(event, e.complaintId(), "ESCALATED", e.escalatedAt(), "L" + e.escalationLevel(), null);
            }
            case Lifecycle.WorkOrderReturned.TYPE -> {
                var e = event.data(Lifecycle.WorkOrderReturned.class, mapper);
                upsert(id(e.complaintId()), "returns", "returns = complaint_fact.returns + 1", 1);
                occurred(event, e.complaintId(), "RETURNED", e.returnedAt(), e.department(), null);
            }
            case Lifecycle.ResultSubmitted.TYPE -> {
                var e = event.data(Lifecycle.ResultSubmitted.class, mapper);
                upsert(id(e.complaintId()), "result_at, root_cause", "result_at = LEAST(complaint_fact.result_at, "
                        + "EXCLUDED.result_at), root_cause = COALESCE(EXCLUDED.root_cause, complaint_fact.root_cause)",
                        time(e.submittedAt(), event), e.rootCause());
                occurred(event, e.complaintId(), "RESULT", e.submittedAt(), e.outcome(), e.amount());
            }
            case Lifecycle.CustomerReplied.TYPE -> {
                var e = event.data(Lifecycle.CustomerReplied.class, mapper);
                upsert(id(e.complaintId()), "replied_at", "replied_at = LEAST(complaint_fact.replied_at, EXCLUDED.replied_at)",
                        time(e.repliedAt(), event));
                occurred(event, e.complaintId(), "REPLIED", e.repliedAt(), e.channel(), null);
            }
            case Lifecycle.CallbackRecorded.TYPE -> {
                var e = event.data(Lifecycle.CallbackRecorded.class, mapper);
                id(e.complaintId());
                occurred(event, e.complaintId(), "CALLBACK", e.recordedAt(), e.reached() ? e.satisfaction() : "UNREACHED",
                        null);
            }
            case Lifecycle.ComplaintReopened.TYPE -> {
                var e = event.data(Lifecycle.ComplaintReopened.class, mapper);
                upsert(id(e.complaintId()), "reopens, reopened_at", "reopens = GREATEST(complaint_fact.reopens, "
                        + "EXCLUDED.reopens), reopened_at = GREATEST(complaint_fact.reopened_at, EXCLUDED.reopened_at)",
                        Math.max(e.round() - 1, 1), time(e.reopenedAt(), event));
                occurred(event, e.complaintId(), "REOPENED", e.reopenedAt(), Integer.toString(e.round()), null);
            }
            case Lifecycle.ComplaintClosed.TYPE -> {
                var e = event.data(Lifecycle.ComplaintClosed.class, mapper);
                // The latest close stands (a supervisory callback may reopen a closed complaint).
                upsert(id(e.complaintId()), "closed_at, closed_reason", "closed_reason = CASE WHEN complaint_fact.closed_at "
                        + "IS NULL OR EXCLUDED.closed_at > complaint_fact.closed_at THEN EXCLUDED.closed_reason ELSE "
                        + "complaint_fact.closed_reason END, closed_at = GREATEST(complaint_fact.closed_at, EXCLUDED.closed_at)",
                        time(e.closedAt(), event), e.reason());
            }
            case Lifecycle.SlaBreached.TYPE -> {
                var e = event.data(Lifecycle.SlaBreached.class, mapper);
                upsert(id(e.complaintId()), "breaches", "breaches = complaint_fact.breaches + 1", 1);
                occurred(event, e.complaintId(), "BREACHED", e.breachedAt(), e.kind(), null);
            }
            case Lifecycle.ClocksSet.TYPE -> clocksSet(event.data(Lifecycle.ClocksSet.class, mapper), event);
            default -> throw new IllegalArgumentException("not read: " + event.type());
        }
    }

    private void received(ReceivedComplaint c) {
        if (c.complaintId() == null || c.receivedAt() == null || c.channel() == null) {
            throw new PoisonMessageException("ComplaintReceived without complaintId, receivedAt or channel");
        }
        Divisions.Place place = divisions.of(c.area());
        String text = SearchText.normalise(String.join(" ", c.subject() == null ? "" : c.subject(),
                c.description() == null ? "" : c.description()));
        upsert(c.complaintId(), "number, channel, type, category, area, status, received_at, resolved_on_first_contact, "
                        + "referral_source, subject, description, customer_name, phone, search_text, grams, area_province, "
                        + "area_city, area_district", """
                        number = EXCLUDED.number, channel = EXCLUDED.channel, type = EXCLUDED.type,
                        category = COALESCE(complaint_fact.category, EXCLUDED.category), area = EXCLUDED.area,
                        status = COALESCE(complaint_fact.status, EXCLUDED.status), received_at = EXCLUDED.received_at,
                        resolved_on_first_contact = EXCLUDED.resolved_on_first_contact,
                        referral_source = EXCLUDED.referral_source, subject = EXCLUDED.subject,
                        description = EXCLUDED.description, customer_name = EXCLUDED.customer_name,
                        phone = EXCLUDED.phone, search_text = EXCLUDED.search_text, grams = EXCLUDED.grams,
                        area_province = EXCLUDED.area_province, area_city = EXCLUDED.area_city,
                        area_district = EXCLUDED.area_district""",
                c.number(), c.channel(), c.type(), c.category(), c.area(), c.status(),
                Timestamp.from(c.receivedAt().toInstant()), c.resolvedOnFirstContact(), c.referralSource(),
                c.subject(), c.description(), c.customer() == null ? null : c.customer().name(),
                c.customer() == null ? null : c.customer().phone(), text,
                SearchText.grams(text).toArray(String[]::new), place.province(), place.city(), place.district());
    }

    /** The first dispatch names the department the complaint is attributed to; routing's category wins. */
    private void dispatched(DispatchedWorkOrder d) {
        if (d.complaintId() == null || d.dispatchedAt() == null) {
            throw new PoisonMessageException("WorkOrderDispatched without complaintId or dispatchedAt");
        }
        upsert(d.complaintId(), "department, category, dispatched_at, repeat_of, incident_id", """
                        department = COALESCE(complaint_fact.department, EXCLUDED.department),
                        category = COALESCE(EXCLUDED.category, complaint_fact.category),
                        dispatched_at = LEAST(complaint_fact.dispatched_at, EXCLUDED.dispatched_at),
                        repeat_of = COALESCE(complaint_fact.repeat_of, EXCLUDED.repeat_of),
                        incident_id = COALESCE(complaint_fact.incident_id, EXCLUDED.incident_id)""",
                d.department(), d.category(), Timestamp.from(d.dispatchedAt()), d.repeatOf(), d.incidentId());
    }

    /** A newer snapshot replaces an older one: the reply clock's due time, the running clocks' next warning and due time. */
    private void clocksSet(Lifecycle.ClocksSet s, IncomingEvent event) {
        Instant setAt = time(s.setAt(), event).toInstant();
        List<Lifecycle.ClocksSet.Clock> clocks = s.clocks() == null ? List.of() : s.clocks();
        Instant replyDue = REPLY_CLOCKS.stream().flatMap(kind -> clocks.stream()
                        .filter(c -> kind.equals(c.kind()) && c.round() <= 1 && c.dueAt() != null))
                .map(Lifecycle.ClocksSet.Clock::dueAt).findFirst().orElse(null);
        List<Lifecycle.ClocksSet.Clock> pending = clocks.stream().filter(c -> "PENDING".equals(c.state())).toList();
        Instant nextWarn = pending.stream().map(Lifecycle.ClocksSet.Clock::warnAt).filter(w -> w != null)
                .min(Instant::compareTo).orElse(null);
        Instant nextDue = pending.stream().map(Lifecycle.ClocksSet.Clock::dueAt).filter(w -> w != null)
                .min(Instant::compareTo).orElse(null);
        upsert(id(s.complaintId()), "clocks_set_at, reply_due_at, next_warn_at, next_due_at", """
                        reply_due_at = CASE WHEN newer THEN EXCLUDED.reply_due_at ELSE complaint_fact.reply_due_at END,
                        next_warn_at = CASE WHEN newer THEN EXCLUDED.next_warn_at ELSE complaint_fact.next_warn_at END,
                        next_due_at = CASE WHEN newer THEN EXCLUDED.next_due_at ELSE complaint_fact.next_due_at END,
                        clocks_set_at = GREATEST(complaint_fact.clocks_set_at, EXCLUDED.clocks_set_at)"""
                        .replace("newer", "(complaint_fact.clocks_set_at IS NULL OR EXCLUDED.clocks_set_at > complaint_fact.clocks_set_at)"),
                Timestamp.from(setAt), ts(replyDue), ts(nextWarn), ts(nextDue));
        for (Lifecycle.ClocksSet.Clock c : clocks) {
            if (c.kind() == null || c.dueAt() == null || c.state() == null) {
                continue;
            }
            em.createNativeQuery("""
                            INSERT INTO clock_fact (complaint_id, kind, round, due_at, state, set_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (complaint_id, kind, round) DO UPDATE
                            SET due_at = EXCLUDED.due_at, state = EXCLUDED.state, set_at = EXCLUDED.set_at
                            WHERE clock_fact.set_at < EXCLUDED.set_at""")
                    .setParameter(1, s.complaintId()).setParameter(2, c.kind()).setParameter(3, Math.max(c.round(), 1))
                    .setParameter(4, Timestamp.from(c.dueAt())).setParameter(5, c.state())
                    .setParameter(6, Timestamp.from(setAt)).executeUpdate();
        }
    }

    /** {@code INSERT (complaint_id, columns) ... ON CONFLICT DO UPDATE SET updates}, in one statement. */
    private void upsert(UUID complaintId, String columns, String updates, Object... values) {
        int n = values.length;
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < n; i++) {
            numbered.append(i == 0 ? "" : ", ").append('?').append(i + 2);
        }
        Query q = em.createNativeQuery("INSERT INTO complaint_fact (complaint_id, " + columns + ") VALUES (?1, "
                + numbered + ") ON CONFLICT (complaint_id) DO UPDATE SET " + updates);
        q.setParameter(1, complaintId);
        for (int i = 0; i < n; i++) {
            q.setParameter(i + 2, values[i]);
        }
        q.executeUpdate();
    }

    private void occurred(IncomingEvent event, UUID complaintId, String kind, Instant at, String detail, BigDecimal amount) {
        em.createNativeQuery("""
                        INSERT INTO occurrence (event_id, complaint_id, kind, at, detail, amount)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, event.id()).setParameter(2, complaintId).setParameter(3, kind)
                .setParameter(4, time(at, event)).setParameter(5, detail).setParameter(6, amount)
                .executeUpdate();
    }

    private static UUID id(UUID complaintId) {
        if (complaintId == null) {
            throw new PoisonMessageException("event without complaintId");
        }
        return complaintId;
    }

    /** The event's own time, else the CloudEvent's. */
    private static Timestamp time(Instant at, IncomingEvent event) {
        Instant t = at != null ? at : event.time();
        if (t == null) {
            throw new PoisonMessageException("event " + event.id() + " has no time");
        }
        return Timestamp.from(t);
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
