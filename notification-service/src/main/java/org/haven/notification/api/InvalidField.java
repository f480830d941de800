package org.haven.notification.api;

import jakarta.ws.rs.core.Response;
import org.haven.http.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** A request the directory refuses for a rule a field's own constraints cannot state: a 400 problem naming each field. */
public class InvalidField extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidField(String field, String message) {
        this("Invalid field(s): " + field, List.of(new Problem.FieldError(field, message)));
    }

    public InvalidField(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static class Mapper {
        @ServerExceptionMapper(priority = 1)
        public Response invalid(InvalidField e) {
            return Problem.invalid(e.getMessage(), e.errors).toResponse();
        }
    }
}
