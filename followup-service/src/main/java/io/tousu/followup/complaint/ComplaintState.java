package io.tousu.followup.complaint;

/** Where a dispatched complaint stands in the loop with the customer. */
public enum ComplaintState {
    /** Received, no work order yet (or joined to an incident, whose order handles it). */
    RECEIVED,
    /** With the department: no result yet. */
    DISPATCHED,
    /** The department's result is in: the customer must be answered. */
    RESULT_IN,
    /** The customer was answered: a callback is due. */
    REPLIED,
    /** Satisfied, unreachable or withdrawn: nothing more is due. */
    CLOSED
}
