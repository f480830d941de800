package org.haven.debrief.domain;

/** Why a person takes part in a debrief, strongest first: someone both reporter and witness is the reporter. */
public enum ParticipantRole {
    REPORTER,
    INVOLVED_STAFF,
    WITNESS,
    /** The site's supervisor, from the roster. */
    SUPERVISOR
}
