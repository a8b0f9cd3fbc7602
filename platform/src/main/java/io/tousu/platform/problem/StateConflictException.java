package io.tousu.platform.problem;

/** A request that the resource's current state does not allow; answered as 409. */
public class StateConflictException extends RuntimeException {
    public StateConflictException(String message) {
        super(message);
    }
}
