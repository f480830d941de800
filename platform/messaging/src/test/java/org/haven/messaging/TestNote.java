package org.haven.messaging;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A caller's own state change, for tests of what recording an event does to the caller's session. */
@Entity
@Table(name = "test_note")
public class TestNote {

    @Id
    public UUID id;
    public String text;

    static TestNote of(String text) {
        TestNote note = new TestNote();
        note.id = UUID.randomUUID();
        note.text = text;
        return note;
    }
}
