package org.haven.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail. Every error a Haven service returns has this body and the
 * {@code application/problem+json} media type; none carries an exception class or a stack trace.
 *
 * @param errors one entry per invalid field, so a form can point at each of them
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("https://haven.example/problems/invalid-request", "Invalid request", 400, detail, null, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
