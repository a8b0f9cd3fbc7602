package io.tousu.routing.workorder;

public enum WorkOrderStatus {
    OPEN, ACCEPTED, DONE, RETURNED,
    /** The customer withdrew the complaint (撤诉) before the department answered. */
    CANCELLED
}
