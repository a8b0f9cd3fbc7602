package io.tousu.followup.sla;

/** When a clock starts counting: at a milestone, or from the day after receipt (次日起算). */
public enum Start {
    RECEIPT(Milestone.RECEIPT), NEXT_DAY(Milestone.RECEIPT), DISPATCH(Milestone.DISPATCH),
    SIGN_FOR(Milestone.SIGN_FOR), RESULT(Milestone.RESULT), REPLY(Milestone.REPLY);

    private final Milestone milestone;

    Start(Milestone milestone) {
        this.milestone = milestone;
    }

    /** The milestone that opens the clock. */
    public Milestone milestone() {
        return milestone;
    }
}
