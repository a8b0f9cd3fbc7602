package io.tousu.followup.sla;

/** What happens to a complaint that starts or stops its clocks. */
public enum Milestone {
    /** Intake accepted it. */
    RECEIPT,
    /** Routing gave a department a work order. */
    DISPATCH,
    /** The department signed for the order (签收). */
    SIGN_FOR,
    /** The department returned a misrouted order (退单). */
    RETURN,
    /** The department's result is in. */
    RESULT,
    /** The customer was answered. */
    REPLY,
    /** Closed: satisfied, unreachable or withdrawn; stops every clock. */
    CLOSE
}
