package io.tousu.reporting.kpi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly analysis as CSV, one value a line ({@code section,item,measure,value}), UTF-8 with a
 * byte-order mark so that Excel opens the Chinese correctly.
 */
public final class MonthlyCsv {
    private static final String BOM = "\uFEFF";

    private MonthlyCsv() {
    }

    public static String of(MonthlyAnalysis.Report r) {
        List<String> lines = new ArrayList<>();
        lines.add("section,item,measure,value");
        record(lines, "volume", "", r.volume());
        record(lines, "kpi", "", r.kpis());
        r.topCategories().forEach(s -> record(lines, "topCategory", s.key(), s));
        r.rootCauses().forEach(s -> record(lines, "rootCause", s.key(), s));
        r.sla().forEach(c -> record(lines, "sla", c.kind(), c));
        r.referrals().forEach(s -> record(lines, "referral", s.key(), s));
        r.departments().forEach(d -> record(lines, "department", d.department(), d));
        r.longest().forEach(l -> record(lines, "longest", l.number(), l));
        return BOM + String.join("\r\n", lines) + "\r\n";
    }

    /** One line per component of the record, but for the item's own name. */
    private static void record(List<String> lines, String section, String item, Record value) {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            if (c.getName().equals("key") || c.getName().equals("kind") || c.getName().equals("department")
                    && !item.isEmpty() || c.getName().equals("group")) {
                continue;
            }
            try {
                Object v = c.getAccessor().invoke(value);
                lines.add(String.join(",", cell(section), cell(item), cell(c.getName()), cell(v == null ? "" : v.toString())));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String cell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
