package org.haven.http.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads non-ASCII text right whatever its
 * locale), CRLF after every record, and a field quoted (its quotes doubled) when it holds a comma, a quote, a CR or an
 * LF. A field that a spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a CR) is written
 * with a leading apostrophe, as OWASP advises against CSV injection: a report's typed text must never become a formula
 * in a director's spreadsheet. The separator is always a comma: a semicolon locale still opens a UTF-8 CSV through its
 * import, and a file whose separator changes with the reader's locale is two formats.
 */
public final class CsvWriter implements ReportRows {

    static final char BOM = '\uFEFF';

    private final Writer out;

    public CsvWriter(OutputStream out) throws IOException {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.out.write(BOM);
    }

    @Override
    public void header(List<String> names) throws IOException {
        row(names);
    }

    @Override
    public void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** One field as it is written: empty for null, neutralised if it could be a formula, quoted when it must be. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsFormula(value) ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static boolean startsFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
