package io.tousu.routing.workorder;

public enum WorkOrderStatus {
    OPEN, ACCEPTED, DONE, RETURNED
}
