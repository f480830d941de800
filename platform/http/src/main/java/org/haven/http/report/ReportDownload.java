package org.haven.http.report;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A report as a streamed response: JAX-RS writes the body after the resource method returns, so the method checks the
 * caller and the request and hands over a {@link ReportBody} that reads its rows page by page (each page in its own
 * short transaction) while they are sent. Everything the body needs about the caller must be read before it returns:
 * the request's security context is not the body's to use.
 */
public final class ReportDownload {

    /** {@code header=present} (RFC 4180, section 3) tells a reader that the first record names the columns. */
    public static final String CSV = "text/csv;charset=UTF-8;header=present";

    private ReportDownload() {
    }

    /** {@code fileName} is built by the service from validated ids and dates only, never from typed text. */
    public static Response csv(String fileName, ReportBody body) {
        StreamingOutput stream = out -> {
            CsvWriter csv = new CsvWriter(out);
            body.writeTo(csv);
            csv.flush();
        };
        return Response.ok(stream, MediaType.valueOf(CSV))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    /** {@code renderedPage} holds {@link PrintableTable#ROWS} inside its {@code <table>}. */
    public static Response page(String renderedPage, ReportBody body) {
        StreamingOutput stream = out -> {
            PrintableTable table = new PrintableTable(out, renderedPage);
            body.writeTo(table);
            table.finish();
        };
        return Response.ok(stream, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
