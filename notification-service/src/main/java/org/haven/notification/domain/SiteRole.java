package org.haven.notification.domain;

/** What a person is responsible for at a site; the escalation chain follows this order. */
public enum SiteRole {
    SUPERVISOR,
    PROGRAM_DIRECTOR,
    /** Trained to facilitate restorative circles there; never paged for alerts. */
    FACILITATOR
}
