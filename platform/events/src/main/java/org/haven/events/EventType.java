package org.haven.events;

/**
 * A named, versioned kind of event and the record its data binds to. A consumer asks for a type and
 * gets either that data or an {@link UnreadableEventException}: an unknown version is never guessed at.
 */
public record EventType<T>(String name, int version, String topic, Class<T> dataClass) {

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
