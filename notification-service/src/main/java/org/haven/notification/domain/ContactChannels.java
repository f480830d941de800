package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.notification.messaging.SmsGateway;

import java.util.ArrayList;
import java.util.List;

/** The channels a person is reached on, from their contact methods in the directory. */
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
}
