package org.haven.incident.api;

/**
 * Query forms of incident-service's own (people and sites: org.haven.http.Ids; client codes:
 * {@link org.haven.incident.domain.ClientCode}).
 */
final class Ids {

    static final String INSTANT = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$";
    static final String INSTANT_MESSAGE = "must be an ISO-8601 UTC instant, e.g. 2026-11-20T14:30:00Z";

    private Ids() {
    }
}
