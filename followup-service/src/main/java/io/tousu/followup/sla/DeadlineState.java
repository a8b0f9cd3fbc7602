package io.tousu.followup.sla;

public enum DeadlineState {
    PENDING, MET, BREACHED
}
