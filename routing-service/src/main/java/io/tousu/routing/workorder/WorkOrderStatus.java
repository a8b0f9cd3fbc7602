package io.tousu.routing.workorder;

import java.util.List;

/**
 * Where a work order stands. OPEN → ACCEPTED → DONE; an active one (OPEN, ACCEPTED, SUSPENDED)
 * can be RETURNED (退单, re-routed), TRANSFERRED (转派, a new order elsewhere), MERGED (并单, its
 * complaint handled by another order) or CANCELLED (the customer withdrew).
 */
public enum WorkOrderStatus {
    OPEN, ACCEPTED, DONE, RETURNED,
    /** The customer withdrew the complaint (撤诉) before the department answered. */
    CANCELLED,
    /** Waiting (for a site visit, for the customer): the clocks stand still until it is resumed (挂起). */
    SUSPENDED,
    /** A supervisor sent the complaint to another department with a new order (转派). */
    TRANSFERRED,
    /** Its complaint is one matter with another complaint, whose order handles both (并单). */
    MERGED;

    /** The states in which the order still owes an answer. */
    public static final List<WorkOrderStatus> ACTIVE = List.of(OPEN, ACCEPTED, SUSPENDED);
}
