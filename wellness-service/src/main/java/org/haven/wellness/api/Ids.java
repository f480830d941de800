package org.haven.wellness.api;

/** The form of staff identifiers the API accepts (the same as incident-service's). */
final class Ids {

    static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$";
    static final String MESSAGE = "must be 1-100 letters, digits, '.', '_' or '-'";

    private Ids() {
    }
}
