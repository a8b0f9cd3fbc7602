package io.tousu.routing.workorder;

public enum Priority {
    URGENT, HIGH, NORMAL
}
