package io.tousu.platform.messaging;

/** A message that no retry can process; the connector's failure strategy dead-letters it. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
