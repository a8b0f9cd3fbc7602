package io.tousu.routing.workorder;

/** Most urgent first. */
public enum Priority {
    URGENT, HIGH, NORMAL;

    public Priority atLeast(Priority floor) {
        return floor != null && floor.ordinal() < ordinal() ? floor : this;
    }
}
