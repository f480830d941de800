package org.haven.events;

/**
 * An event that can never be processed, however often it is retried: malformed JSON, a missing
 * attribute, or a data version this build does not understand. Consumers send it to the dead-letter topic.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
