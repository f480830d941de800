package org.haven.notification.domain;

/** Whom one level of a site's escalation chain pages. */
public enum EscalationTarget {
    /** Whoever the site's rota has on call at that moment (the site's supervisors when no one is). */
    ON_CALL,
    /** Every supervisor of the site. */
    SUPERVISORS,
    /** The site's program directors. */
    PROGRAM_DIRECTORS,
    /** One named person, e.g. a backup supervisor. */
    PERSON
}
