package io.tousu.reporting.rollup;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A pre-aggregated table: per key (a day and the dimensions), the sum of what each complaint
 * contributes. A complaint's contribution is a pure function of its rows (its fact, occurrences
 * and clocks), so that reading it before and after a batch and adding the difference keeps the
 * table equal to the sum over all complaints, whatever order the events came in.
 */
record Rollup(String table, List<String> keys, List<String> measures, String contributions) {
    /**
     * The common table of the complaints whose contributions are read: {@link #contributions}
     * continues a {@code WITH} that defines it.
     */
    static final String COMPLAINTS = "rollup_ids";

    /**
     * One way a complaint counts: on the day of {@code time}, when {@code where} holds, each
     * measure by an expression; {@code department} overrides the complaint's when not null. With
     * {@code from} null, the expressions read the complaint's fact row {@code f}; else they read
     * the rows of {@code from} (named {@code o}, with a {@code complaint_id}).
     */
    record Part(String time, String from, String where, String department, Map<String, String> values) {
    }

    /**
     * The contributions of the complaints in {@value #COMPLAINTS}: the parts' rows of measures, the
     * missing measures 0, grouped by the day in {@code zone} and the complaint's dimensions. The
     * fact parts turn each fact row, read once, into one row per part (a lateral VALUES).
     */
    static String contributions(List<Part> parts, List<String> measures, String zone) {
        for (Part p : parts) {
            List<String> unknown = p.values.keySet().stream().filter(k -> !measures.contains(k)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("not measures: " + unknown);
            }
        }
        String columns = "t, department, " + String.join(", ", measures);
        List<String> facts = parts.stream().filter(p -> p.from == null).map(p -> "(" + row(p, measures, true) + ")").toList();
        List<String> others = parts.stream().filter(p -> p.from != null).map(p -> "SELECT o.complaint_id, "
                + row(p, measures, false) + " FROM " + p.from + " WHERE o.complaint_id IN (SELECT id FROM " + COMPLAINTS
                + ") AND " + p.time + " IS NOT NULL" + (p.where.isEmpty() ? "" : " AND " + p.where)).toList();
        return ", f AS MATERIALIZED (SELECT * FROM complaint_fact WHERE complaint_id IN (SELECT id FROM " + COMPLAINTS + "))"
                + ", p AS (SELECT f.complaint_id, v.* FROM f CROSS JOIN LATERAL (VALUES " + String.join(", ", facts)
                + ") AS v(" + columns + ") WHERE v.t IS NOT NULL"
                + others.stream().map(o -> " UNION ALL " + o).collect(Collectors.joining()) + ")"
                + " SELECT (p.t AT TIME ZONE '" + zone + "')::date, COALESCE(f.channel, ''), "
                + "COALESCE(split_part(f.category, '.', 1), ''), COALESCE(p.department, f.department, ''), "
                + "COALESCE(f.area, ''), COALESCE(f.area_province, ''), COALESCE(f.area_city, ''), "
                + "COALESCE(f.area_district, ''), "
                + measures.stream().map(m -> "COALESCE(sum(p." + m + "), 0)").collect(Collectors.joining(", "))
                + " FROM p JOIN f ON f.complaint_id = p.complaint_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";
    }

    /** The part's time (null where its condition fails, on a fact row), department and measures. */
    private static String row(Part p, List<String> measures, boolean onFacts) {
        String time = onFacts && !p.where.isEmpty() ? "CASE WHEN " + p.where + " THEN " + p.time + " END" : p.time;
        return time + ", " + p.department + "::text, "
                + measures.stream().map(m -> p.values.getOrDefault(m, "0")).collect(Collectors.joining(", "));
    }
}
