package org.haven.http.report;

/** A report asked for with a bad parameter: answered 400 {@code application/problem+json} naming the parameter. */
public class ReportRequestInvalid extends RuntimeException {

    private final String field;

    public ReportRequestInvalid(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String fieldMessage() {
        return getMessage().substring(field.length() + 1);
    }
}
