package org.haven.incident.domain;

import java.util.List;

/**
 * A report or amendment named someone who does not work at the incident's site (per incident-service's projection of
 * the organisation). Nothing is stored; the API answers 422 naming each such field.
 */
public class UnknownPeopleException extends RuntimeException {

    /** One refused entry: the request field (e.g. {@code witnessIds[1]}) and why. */
    public record Refused(String field, String message) {
    }

    private final List<Refused> refused;

    public UnknownPeopleException(String siteId, List<Refused> refused) {
        super("Not people of site " + siteId + ": " + refused.stream().map(Refused::field).toList());
        this.refused = List.copyOf(refused);
    }

    public List<Refused> refused() {
        return refused;
    }
}
