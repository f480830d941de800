package org.haven.security;

/**
 * The four roles Haven knows, as they appear in the token after Quarkus OIDC's role mapping. Use them in
 * {@code @RolesAllowed} and {@link Caller#is(String)}.
 */
public final class HavenRole {

    /** Residential staff: report incidents; see their own reports, debriefs and wellness check-ins. */
    public static final String STAFF = "staff";
    /** House leads and on-call supervisors: their sites' incidents, alerts, debriefs and follow-up status. */
    public static final String SUPERVISOR = "supervisor";
    /** Program directors: every site of their program, overdue debriefs, team aggregates. */
    public static final String DIRECTOR = "director";
    /** Administrators: directory and policies; never wellness answers. */
    public static final String ADMIN = "admin";

    private HavenRole() {
    }
}
