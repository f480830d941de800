package org.haven.incident.domain;

/**
 * The number an outside agency gives for a call (a police report number, an NCMEC case number, an intake number):
 * what the page asks for per checklist rule, and what such a number may look like.
 */
public final class AgencyReference {

    /** Letters and digits, with spaces, dots, slashes, '#' and '-' between them; 40 at most. */
    public static final String PATTERN = "[A-Za-z0-9](?:[A-Za-z0-9 ./#-]{0,38}[A-Za-z0-9])?";
    public static final String MESSAGE = "must be the agency's number as given: letters and digits, "
            + "with spaces, '.', '/', '#' or '-' between them, at most 40 characters";

    private AgencyReference() {
    }

    /** What the agency calls its number, for the checklist rule {@code ruleId}. */
    public static String label(String ruleId) {
        return switch (ruleId) {
            case "law-enforcement" -> "Police report number";
            case "ncmec" -> "NCMEC case number";
            case "protective-services" -> "Intake number";
            default -> "Reference number";
        };
    }
}
