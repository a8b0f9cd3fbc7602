package io.tousu.reporting.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The numbers of a period, or of one group of a breakdown ({@code group}: the channel, top-level
 * category, department, area or day; null for the whole period). Rates are 0..1, null when
 * nothing was there to count; each is defined in the README.
 */
public record Kpis(LocalDate from, LocalDate to, String group, long received, long firstContactResolved,
                   long dispatched, long closed, Double onTimeReplyRate, Double satisfactionRate, Double reopenRate,
                   Double repeatRate, Double escalationRate, long regulatorReferrals, Double avgHandlingHours,
                   long returns, long unreachable, long withdrawals, long incidentLinked, long incidents,
                   BigDecimal compensationPaid, long breaches, Double complaintsPerMillionCustomers) {
}
