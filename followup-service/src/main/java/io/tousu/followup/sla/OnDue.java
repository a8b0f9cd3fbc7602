package io.tousu.followup.sla;

/** What a clock still running at its due time does. */
public enum OnDue {
    /** Tell the customer how it stands (the seeds' progress notice): a duty met by the notice, not a breach. */
    NOTIFY_PROGRESS,
    /** Record the breach ({@code SlaBreached}). */
    RECORD_BREACH,
    /** Record the breach and ask the next level to take the complaint over ({@code EscalationRequested}). */
    ESCALATE
}
