package io.tousu.reporting.rollup;

import java.util.ArrayList;
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
    /** Where {@link #contributions} is given the complaints to read, as {@code uuid[]} parameter. */
    static final String COMPLAINTS = "rollup_ids";

    /**
     * One way a complaint counts: on the day of {@code time}, from {@code from} (its rows named
     * {@code f}, with a {@code complaint_id}), each measure by an expression; {@code department}
     * overrides the complaint's when not null.
     */
    record Part(String time, String from, String where, String department, Map<String, String> values) {
    }

    /**
     * The contributions of the complaints in {@value #COMPLAINTS}: the parts' rows of measures, the
     * missing measures 0, grouped by the day in {@code zone} and the complaint's dimensions.
     */
    static String contributions(List<Part> parts, List<String> measures, String zone) {
        List<String> selects = new ArrayList<>();
        for (Part p : parts) {
            List<String> unknown = p.values.keySet().stream().filter(k -> !measures.contains(k)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("not measures: " + unknown);
            }
            selects.add("SELECT f.complaint_id, " + p.time + " AS t, " + p.department + " AS department, "
                    + measures.stream().map(m -> p.values.getOrDefault(m, "0") + " AS " + m).collect(Collectors.joining(", "))
                    + " FROM " + p.from + " WHERE f.complaint_id IN (SELECT id FROM " + COMPLAINTS + ") AND " + p.time
                    + " IS NOT NULL" + (p.where.isEmpty() ? "" : " AND " + p.where));
        }
        return "SELECT (p.t AT TIME ZONE '" + zone + "')::date, COALESCE(f.channel, ''), "
                + "COALESCE(split_part(f.category, '.', 1), ''), COALESCE(p.department, f.department, ''), "
                + "COALESCE(f.area, ''), COALESCE(f.area_province, ''), COALESCE(f.area_city, ''), "
                + "COALESCE(f.area_district, ''), "
                + measures.stream().map(m -> "COALESCE(sum(p." + m + "), 0)").collect(Collectors.joining(", "))
                + " FROM (" + String.join("\nUNION ALL ", selects) + ") p JOIN complaint_fact f ON f.complaint_id = p.complaint_id"
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";
    }
}
