package org.haven.http.report;

import jakarta.ws.rs.core.Response;
import org.haven.http.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Maps a bad report parameter to the same 400 problem a failed validation gives, with the parameter named. */
public class ReportProblems {

    @ServerExceptionMapper(priority = 1)
    public Response invalid(ReportRequestInvalid e) {
        return Problem.invalid(e.getMessage(), List.of(new Problem.FieldError(e.field(), e.fieldMessage()))).toResponse();
    }
}
