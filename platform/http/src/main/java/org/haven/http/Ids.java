package org.haven.http;

/**
 * The one form of the ids people, sites and staff have in every service's API (bodies and paths):
 * checked before anything reaches a query, so a NUL byte, a traversal or a name typed as an id is a
 * 400, never a 500 or a stored value.
 */
public final class Ids {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$";
    public static final String MESSAGE = "must be 1-100 letters, digits, '.', '_' or '-'";

    private Ids() {
    }
}
