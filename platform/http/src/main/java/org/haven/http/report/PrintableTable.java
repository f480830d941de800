package org.haven.http.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A report as a printable HTML page, streamed: the service renders its page (title, period form, links, stylesheets)
 * with {@link #ROWS} where the table's rows belong; the part before it is written, then each row as the query yields
 * it, then the rest. Every value is HTML-escaped here, so typed text is shown as text, never as markup.
 */
public final class PrintableTable implements ReportRows {

    /** The marker a page template puts inside its table where the header and rows go. */
    public static final String ROWS = "<!-- report rows -->";

    private final Writer out;
    private final String after;

    public PrintableTable(OutputStream out, String renderedPage) throws IOException {
        int at = renderedPage.indexOf(ROWS);
        if (at < 0) {
            throw new IllegalArgumentException("The page has no " + ROWS + " marker");
        }
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.out.write(renderedPage, 0, at);
        this.after = renderedPage.substring(at + ROWS.length());
    }

    @Override
    public void header(List<String> names) throws IOException {
        out.write("<thead><tr>");
        for (String name : names) {
            out.write("<th scope=\"col\">");
            out.write(escape(name));
            out.write("</th>");
        }
        out.write("</tr></thead>\n<tbody>\n");
    }

    @Override
    public void row(List<String> fields) throws IOException {
        out.write("<tr>");
        for (String field : fields) {
            out.write("<td>");
            out.write(escape(field));
            out.write("</td>");
        }
        out.write("</tr>\n");
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the table and writes the rest of the page. */
    public void finish() throws IOException {
        out.write("</tbody>");
        out.write(after);
        out.flush();
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
