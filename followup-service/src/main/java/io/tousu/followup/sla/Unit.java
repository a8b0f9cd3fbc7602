package io.tousu.followup.sla;

/** How a clock's amount is counted. */
public enum Unit {
    HOURS, WORKING_DAYS, CALENDAR_DAYS,
    /** A due time given from outside: a referral's {@code dueBy}, a promise told to the customer. */
    FIXED
}
