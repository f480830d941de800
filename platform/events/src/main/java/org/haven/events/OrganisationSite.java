package org.haven.events;

/**
 * The whole current state of one site, as its owner (notification-service) holds it: the record on
 * {@link HavenEvents#ORGANISATION_SITES} keyed by {@code siteId}. A later record replaces it; a tombstone removes it.
 * {@code jurisdiction} is null where none is recorded.
 */
public record OrganisationSite(String siteId, String name, String timeZone, String jurisdiction) {
}
