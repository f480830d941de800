package org.haven.notification;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;

/** A calendar invite read back with the iCalendar library, as a calendar client would read it. */
record Invites(Calendar calendar) {

    static Invites parse(String ics) {
        try {
            return new Invites(new CalendarBuilder().build(new StringReader(ics)));
        } catch (IOException | ParserException e) {
            throw new IllegalStateException("Not an iCalendar object: " + e.getMessage() + "\n" + ics, e);
        }
    }

    String method() {
        return calendar.getProperty(Property.METHOD).map(Property::getValue).orElse(null);
    }

    VEvent event() {
        List<VEvent> events = calendar.getComponents("VEVENT");
        if (events.size() != 1) {
            throw new IllegalStateException("expected one VEVENT, got " + events.size());
        }
        return events.get(0);
    }

    String uid() {
        return value(Property.UID);
    }

    int sequence() {
        return Integer.parseInt(value(Property.SEQUENCE));
    }

    String status() {
        return value(Property.STATUS);
    }

    Instant start() {
        return instant(event().getStartDate().orElseThrow().getDate());
    }

    Instant end() {
        return instant(event().getEndDate().orElseThrow().getDate());
    }

    String value(String property) {
        return event().getProperty(property).map(Property::getValue).orElse(null);
    }

    List<String> attendees() {
        return event().getProperties(Property.ATTENDEE).stream().map(p -> ((Property) p).getValue()).toList();
    }

    private static Instant instant(Temporal temporal) {
        return Instant.from(temporal);
    }
}
