package org.haven.events;

/**
 * A named, versioned kind of event and the record its data binds to. A consumer asks for a type and
 * gets either that data or an {@link UnreadableEventException}: an unknown version is never guessed at.
 *
 * <p>{@code version} is the dataversion this build writes; {@code oldestReadable} the oldest one it still
 * reads. A version that only drops fields keeps the older ones readable: their extra fields are ignored, so
 * events already on a topic (or from a service not yet upgraded) are still applied.
 */
public record EventType<T>(String name, int version, int oldestReadable, String topic, Class<T> dataClass) {

    public EventType {
        if (oldestReadable < 1 || oldestReadable > version) {
            throw new IllegalArgumentException(name + ": oldest readable version " + oldestReadable + " is not in 1.." + version);
        }
    }

    /** A type whose only readable version is the one it writes. */
    public EventType(String name, int version, String topic, Class<T> dataClass) {
        this(name, version, version, topic, dataClass);
    }

    public boolean reads(int dataversion) {
        return dataversion >= oldestReadable && dataversion <= version;
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
