package org.haven.incident.api;

import jakarta.ws.rs.core.Response;
import org.haven.http.Problem;
import org.haven.incident.domain.UnknownPeopleException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 422: the request is well formed but names someone who does not work at the site; each such field is named. */
public class UnknownPeopleProblem {

    static final String TYPE = "https://haven.example/problems/unknown-people";

    @ServerExceptionMapper(priority = 1)
    public Response unknownPeople(UnknownPeopleException e) {
        return new Problem(TYPE, "Unknown people", 422,
                "Only people who work at the incident's site can be named; nothing was stored", null,
                e.refused().stream().map(r -> new Problem.FieldError(r.field(), r.message())).toList()).toResponse();
    }
}
