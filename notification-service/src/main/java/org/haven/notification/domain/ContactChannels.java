package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.notification.messaging.SmsGateway;

import java.util.ArrayList;
import java.util.List;

/**
 * The channels a person is reached on, from their contact methods in the directory, and for alerts also the browsers
 * they subscribed to web push (notices, which are not urgent, stay with email and SMS).
 */
@ApplicationScoped
public class ContactChannels {

    private final SmsGateway sms;

    ContactChannels(SmsGateway sms) {
        this.sms = sms;
    }

    public record Contact(DeliveryChannel channel, String destination) {
    }

    public List<Contact> of(Person person) {
        List<Contact> contacts = new ArrayList<>();
        if (person.email != null && !person.email.isBlank()) {
            contacts.add(new Contact(DeliveryChannel.EMAIL, person.email));
        }
        if (sms.enabled() && person.phone != null && !person.phone.isBlank()) {
            contacts.add(new Contact(DeliveryChannel.SMS, person.phone));
        }
        return contacts;
    }

    /** For a critical alert: {@link #of} and one push per browser the person subscribed. */
    public List<Contact> forAlerts(Person person) {
        List<Contact> contacts = new ArrayList<>(of(person));
        for (PushSubscription subscription : PushSubscription.ofPerson(person.id)) {
            contacts.add(new Contact(DeliveryChannel.PUSH, subscription.id.toString()));
        }
        return contacts;
    }
}
