package io.tousu.reporting.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What complaints add to each pre-aggregated table, a pure function of their rows: the KPIs'
 * definitions (the README gives each in a sentence). A KPI counts a complaint on its own day in
 * the centre's zone, in the group of the complaint's channel, top-level category, department of
 * the first dispatch and area.
 */
public final class Contributions {
    /** Referrals from regulators and government hotlines (MEDIA and consumer associations are not regulators). */
    static final Set<String> REGULATORS = Set.of("MIIT", "GOV_HOTLINE", "ENERGY_REGULATOR");

    /** The measures of {@code kpi_day}, in its column order; {@code compensation} in cents. */
    enum Kpi {
        RECEIVED, FCR, REPEATS, ESCALATED, REGULATOR, INCIDENT_LINKED,
        DISPATCHED, ATTRIBUTED, OVERDUE,
        CLOSED, UNREACHABLE, WITHDRAWALS, HANDLING_SECONDS, HANDLED,
        REPLY_DUE, REPLIED_ON_TIME,
        CALLBACKS_REACHED, CALLBACKS_SATISFIED, REOPENED, REPLIES, RETURNS, COMPENSATION, BREACHES, ESCALATIONS;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A row of {@code kpi_day}: the day and the group. */
    record KpiKey(LocalDate day, String channel, String category, String department, String area, String province,
                  String city, String district) {
    }

    /** A row of {@code tally_day}: ROOT_CAUSE, REFERRAL, CLOCK_MET or CLOCK_BREACHED, and its key. */
    record TallyKey(LocalDate day, String tally, String key) {
    }

    final Map<KpiKey, long[]> kpis = new HashMap<>();
    final Map<TallyKey, Long> tallies = new HashMap<>();
    private final ZoneId zone;

    public Contributions(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds what one complaint contributes. */
    public Contributions add(ComplaintRows rows) {
        ComplaintRows.Fact f = rows.fact();
        if (f.receivedAt() != null) {
            long[] m = kpi(f, f.receivedAt(), null);
            m[Kpi.RECEIVED.ordinal()]++;
            m[Kpi.FCR.ordinal()] += f.resolvedOnFirstContact() ? 1 : 0;
            m[Kpi.REPEATS.ordinal()] += f.repeat() ? 1 : 0;
            m[Kpi.ESCALATED.ordinal()] += f.escalated() ? 1 : 0;
            m[Kpi.REGULATOR.ordinal()] += f.referralSource() != null && REGULATORS.contains(f.referralSource()) ? 1 : 0;
            m[Kpi.INCIDENT_LINKED.ordinal()] += f.incident() ? 1 : 0;
            if (f.referralSource() != null) {
                tally(f.receivedAt(), "REFERRAL", f.referralSource());
            }
        }
        if (f.dispatchedAt() != null) {
            long[] m = kpi(f, f.dispatchedAt(), null);
            m[Kpi.DISPATCHED.ordinal()]++;
            m[Kpi.ATTRIBUTED.ordinal()] += "COMPANY".equals(f.rootCause()) ? 1 : 0;
            m[Kpi.OVERDUE.ordinal()] += f.breaches() > 0 ? 1 : 0;
        }
        // A complaint reopened after it closed (the supervisory callback) is not closed.
        if (f.closedAt() != null && (f.reopenedAt() == null || f.reopenedAt().isBefore(f.closedAt()))) {
            long[] m = kpi(f, f.closedAt(), null);
            m[Kpi.CLOSED.ordinal()]++;
            m[Kpi.UNREACHABLE.ordinal()] += "UNREACHABLE".equals(f.closedReason()) ? 1 : 0;
            m[Kpi.WITHDRAWALS.ordinal()] += "WITHDRAWN".equals(f.closedReason()) ? 1 : 0;
            if (f.closedReason() != null && !"WITHDRAWN".equals(f.closedReason()) && f.receivedAt() != null) {
                m[Kpi.HANDLING_SECONDS.ordinal()] += Math.round((f.closedAt().toEpochMilli() - f.receivedAt().toEpochMilli()) / 1000.0);
                m[Kpi.HANDLED.ordinal()]++;
            }
        }
        // Due and replied, or due and breached by followup's reply clock without a reply; a
        // withdrawn unreplied complaint owes nothing.
        if (f.replyDueAt() != null && (f.repliedAt() != null
                || ("BREACHED".equals(f.replyState()) && !"WITHDRAWN".equals(f.closedReason())))) {
            long[] m = kpi(f, f.replyDueAt(), null);
            m[Kpi.REPLY_DUE.ordinal()]++;
            m[Kpi.REPLIED_ON_TIME.ordinal()] += f.repliedAt() != null && !f.repliedAt().isAfter(f.replyDueAt()) ? 1 : 0;
        }
        if (f.resultAt() != null) {
            tally(f.resultAt(), "ROOT_CAUSE", f.rootCause() == null ? "UNKNOWN" : f.rootCause());
        }
        for (ComplaintRows.Occurrence o : rows.occurrences()) {
            // What happened, on its own day; a return counts for the department that returned it.
            long[] m = kpi(f, o.at(), "RETURNED".equals(o.kind()) ? o.detail() : null);
            switch (o.kind()) {
                case "CALLBACK" -> {
                    boolean reached = o.detail() != null && !"UNREACHED".equals(o.detail());
                    m[Kpi.CALLBACKS_REACHED.ordinal()] += reached ? 1 : 0;
                    m[Kpi.CALLBACKS_SATISFIED.ordinal()] += "SATISFIED".equals(o.detail())
                            || "BASICALLY_SATISFIED".equals(o.detail()) ? 1 : 0;
                }
                case "REOPENED" -> m[Kpi.REOPENED.ordinal()]++;
                case "REPLIED" -> m[Kpi.REPLIES.ordinal()]++;
                case "RETURNED" -> m[Kpi.RETURNS.ordinal()]++;
                case "RESULT" -> m[Kpi.COMPENSATION.ordinal()] += o.amountCents();
                case "BREACHED" -> m[Kpi.BREACHES.ordinal()]++;
                case "ESCALATED" -> m[Kpi.ESCALATIONS.ordinal()]++;
                default -> {
                    // an occurrence no KPI counts
                }
            }
        }
        for (ComplaintRows.Clock c : rows.clocks()) {
            if (!"PENDING".equals(c.state())) {
                tally(c.dueAt(), "CLOCK_" + c.state(), c.kind());
            }
        }
        return this;
    }

    public Contributions addAll(List<ComplaintRows> complaints) {
        complaints.forEach(this::add);
        return this;
    }

    private long[] kpi(ComplaintRows.Fact f, Instant at, String department) {
        String top = f.category() == null ? "" : f.category().split("\\.", 2)[0];
        String dept = department != null ? department : f.department();
        return kpis.computeIfAbsent(new KpiKey(at.atZone(zone).toLocalDate(), text(f.channel()), top, text(dept),
                text(f.area()), text(f.province()), text(f.city()), text(f.district())), k -> new long[Kpi.values().length]);
    }

    private void tally(Instant at, String tally, String key) {
        tallies.merge(new TallyKey(at.atZone(zone).toLocalDate(), tally, key), 1L, Long::sum);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** {@code after - before} per key of {@code kpi_day}, only the keys that changed. */
    static Map<KpiKey, long[]> kpiChange(Contributions before, Contributions after) {
        Map<KpiKey, long[]> change = new HashMap<>();
        after.kpis.forEach((k, m) -> change.put(k, m.clone()));
        before.kpis.forEach((k, m) -> {
            long[] d = change.computeIfAbsent(k, x -> new long[Kpi.values().length]);
            for (int i = 0; i < d.length; i++) {
                d[i] -= m[i];
            }
        });
        change.values().removeIf(d -> Arrays.stream(d).allMatch(v -> v == 0));
        return change;
    }

    /** {@code after - before} per key of {@code tally_day}, only the keys that changed. */
    static Map<TallyKey, Long> tallyChange(Contributions before, Contributions after) {
        Map<TallyKey, Long> change = new HashMap<>(after.tallies);
        before.tallies.forEach((k, n) -> change.merge(k, -n, Long::sum));
        change.values().removeIf(n -> n == 0);
        return change;
    }
}
