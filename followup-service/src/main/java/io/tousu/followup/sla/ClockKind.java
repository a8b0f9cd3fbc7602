package io.tousu.followup.sla;

/** The deadlines a complaint runs; each is a clock with its own policy. */
public enum ClockKind {
    /** Reply to the customer (seeds: within 5 working days). */
    REPLY
}
