package org.haven.notification.domain;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.validate.ValidationException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A debrief's calendar invite (RFC 5545, scheduled per RFC 5546): METHOD:REQUEST for a new or moved
 * slot, METHOD:CANCEL with STATUS:CANCELLED to withdraw it. Every version of one debrief's invite has
 * the same UID and a higher SEQUENCE, so calendars update the one entry. Times are in UTC.
 * Summary and description name the site and incident type only and link to Haven.
 */
public record CalendarInvite(String uid, int sequence, Instant startsAt, Instant endsAt, String summary, String description,
                             String location, String url, Attendee organizer, List<Attendee> attendees) {

    public static final String PRODUCT_ID = "-//Haven//Restorative debriefs//EN";

    /** Someone on the invite: its organizer, its facilitator (chair) or a participant. */
    public record Attendee(String name, String email, boolean chair) {
    }

    public String request(Instant stamp) {
        return write(ImmutableMethod.REQUEST, ImmutableStatus.VEVENT_CONFIRMED, stamp);
    }

    public String cancel(Instant stamp) {
        return write(ImmutableMethod.CANCEL, ImmutableStatus.VEVENT_CANCELLED, stamp);
    }

    private String write(Property method, Property status, Instant stamp) {
        VEvent event = new VEvent(startsAt, endsAt, summary);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid));
        event.add(new Sequence(sequence));
        event.add(status);
        event.add(new Description(description));
        event.add(new Location(location));
        event.add(new Url(URI.create(url)));
        event.add(new Organizer(params(new Cn(organizer.name())), mailto(organizer.email())));
        for (Attendee attendee : attendees) {
            event.add(new net.fortuna.ical4j.model.property.Attendee(params(new Cn(attendee.name()),
                    attendee.chair() ? Role.CHAIR : Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION, Rsvp.FALSE), mailto(attendee.email())));
        }
        Calendar calendar = new Calendar().withProdId(PRODUCT_ID).withDefaults().withProperty(method).withComponent(event).getFluentTarget();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("The debrief invite is not valid iCalendar: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static ParameterList params(Parameter... parameters) {
        return new ParameterList(new ArrayList<>(List.of(parameters)));
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email);
    }
}
