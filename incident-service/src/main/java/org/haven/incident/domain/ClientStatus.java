package org.haven.incident.domain;

/**
 * What became of a missing client, as the supervisor records it. A search may be handed over to police and later
 * end with the client's return, or end with the return at once; once the client is back, nothing follows.
 */
public enum ClientStatus {
    /** The search is in police hands (the client is still missing). */
    HANDED_TO_POLICE("Search handed over to police"),
    /** The client is back: returned to the house or brought back by police. */
    RETURNED("Client returned");

    private final String label;

    ClientStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
