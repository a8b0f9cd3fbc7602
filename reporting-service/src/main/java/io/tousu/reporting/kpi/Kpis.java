package io.tousu.reporting.kpi;

import java.time.LocalDate;

/** The headline numbers of a period. */
public record Kpis(LocalDate from, LocalDate to, long received, long dispatched) {
}
