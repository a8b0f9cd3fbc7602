package io.tousu.reporting.kpi;

import io.tousu.platform.problem.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;

/** What a breakdown groups by; each KPI's own day decides the group {@code day}. */
public enum GroupBy {
    CHANNEL, CATEGORY, DEPARTMENT, AREA, DAY;

    public static GroupBy parse(String by) {
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(by == null ? "" : by)).findFirst()
                .orElseThrow(() -> new InvalidInputException("by", "must be one of "
                        + Arrays.stream(values()).map(g -> g.name().toLowerCase(Locale.ROOT)).toList()));
    }

    /** The level an area is grouped at: as the channel wrote it, or its province, city or district. */
    public enum AreaLevel {
        AS_GIVEN("area"), PROVINCE("area_province"), CITY("area_city"), DISTRICT("area_district");

        private final String column;

        AreaLevel(String column) {
            this.column = column;
        }

        public static AreaLevel parse(String level) {
            if (level == null || level.isBlank()) {
                return AS_GIVEN;
            }
            return Arrays.stream(values()).filter(l -> l != AS_GIVEN && l.name().equalsIgnoreCase(level)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("level", "must be province, city or district"));
        }
    }

    /**
     * The SQL of the group over rows {@code k} with the columns of {@code kpi_day} (a day, each
     * KPI's own, and the dimensions).
     */
    String sql(AreaLevel level) {
        return switch (this) {
            case CHANNEL -> "COALESCE(k.channel, '')";
            case CATEGORY -> "COALESCE(k.category, '')";
            case DEPARTMENT -> "COALESCE(k.department, '')";
            case AREA -> "COALESCE(k." + level.column + ", '')";
            case DAY -> "to_char(k.day, 'YYYY-MM-DD')";
        };
    }
}
