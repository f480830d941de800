package org.haven.debrief.domain;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** A change the debrief's state does not allow (moving a held debrief, holding a cancelled one): 409. */
public class DebriefStateException extends ClientErrorException {

    public DebriefStateException(String message) {
        super(message, Response.Status.CONFLICT);
    }
}
