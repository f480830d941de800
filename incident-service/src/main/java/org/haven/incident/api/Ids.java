package org.haven.incident.api;

/** Pseudonymous client codes, the one id form of incident-service's own (people and sites: org.haven.http.Ids). */
final class Ids {

    static final String CLIENT_CODE = "^[A-Z0-9][A-Z0-9-]{2,31}$";
    static final String CLIENT_CODE_MESSAGE = "must be a pseudonymous client code (3-32 upper-case letters, digits or '-'), never a name";

    static final String INSTANT = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$";
    static final String INSTANT_MESSAGE = "must be an ISO-8601 UTC instant, e.g. 2026-11-20T14:30:00Z";

    private Ids() {
    }
}
