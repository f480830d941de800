package org.haven.incident.api;

/** The forms of identifiers the API accepts. */
final class Ids {

    static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$";
    static final String MESSAGE = "must be 1-100 letters, digits, '.', '_' or '-'";
    static final String CLIENT_CODE = "^[A-Z0-9][A-Z0-9-]{2,31}$";
    static final String CLIENT_CODE_MESSAGE = "must be a pseudonymous client code (3-32 upper-case letters, digits or '-'), never a name";

    private Ids() {
    }
}
