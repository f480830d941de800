package org.haven.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.haven.http.ratelimit.RateLimitExceeded;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps every failure to a problem detail: bean-validation violations (also those raised below the REST
 * layer) and unreadable JSON to 400 naming each field, JAX-RS errors to their status, anything else to
 * a 500 that says nothing about the server's insides.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper(priority = 1)
    public Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return Problem.invalid("Invalid field(s): " + fields, errors).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ValidationException e) {
        return Problem.invalid(e.getMessage(), List.of()).toResponse();
    }

    // One mapper per Jackson type: quarkus-rest-jackson has built-in ones for the specific types.
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownProperty(UnrecognizedPropertyException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.invalid("Unknown field '" + unknown.getPropertyName() + "'",
                    List.of(new Problem.FieldError(pathOf(unknown), "is not a known field"))).toResponse();
        }
        if (e instanceof InvalidFormatException format) {
            String accepted = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? " (one of " + Arrays.toString(format.getTargetType().getEnumConstants()) + ")" : "";
            return Problem.invalid("A field has a value of the wrong form",
                    List.of(new Problem.FieldError(pathOf(format), "cannot be read as " + simpleName(format.getTargetType()) + accepted)))
                    .toResponse();
        }
        if (e instanceof MismatchedInputException mismatch) {
            return Problem.invalid("A field has a value of the wrong type",
                    List.of(new Problem.FieldError(pathOf(mismatch), "cannot be read as " + simpleName(mismatch.getTargetType()))))
                    .toResponse();
        }
        return Problem.invalid("The request body is not valid JSON", List.of()).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        String detail = status.getStatusCode() >= 500 ? "The server could not complete the request" : e.getMessage();
        return Problem.of(status, detail).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response tooManyRequests(RateLimitExceeded e) {
        return Response.status(429).type(Problem.PROBLEM_JSON).header("Retry-After", e.retryAfterSeconds())
                .entity(new Problem("https://haven.example/problems/too-many-requests", "Too Many Requests", 429, e.getMessage(), null, List.of()))
                .build();
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "The server could not complete the request").toResponse();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "report.request.involvedStaffIds[1].<list element>" (a body field) -> "involvedStaffIds[1]"
        // "list.size" (a query parameter) -> "size"
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length == 2) {
            return parts[1];
        }
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i < 2 && parts.length > 2 || part.startsWith("<")) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(part);
        }
        return field.isEmpty() ? path : field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "this type" : type.getSimpleName();
    }
}
