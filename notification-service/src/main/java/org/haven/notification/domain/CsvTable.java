package org.haven.notification.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file as header-named rows (RFC 4180: comma-separated, fields in double quotes may hold commas, quotes
 * doubled and line breaks). Small and strict, because commons-csv is not among the build's dependencies; a file
 * with an unclosed quote, or a row with more fields than the header, is refused whole.
 */
public final class CsvTable {

    /** One data row: its line in the file (the header is line 1) and its fields by header name. */
    public record Row(int line, Map<String, String> fields) {
        public String get(String column) {
            String value = fields.get(column.toLowerCase(Locale.ROOT));
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** The file cannot be read as CSV at all. */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    private CsvTable() {
    }

    public static List<Row> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\r') {
                // part of a CRLF line end
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                if (!(record.size() == 1 && record.get(0).isBlank() && !fieldStarted)) {
                    records.add(record);
                    lines.add(recordLine);
                }
                record = new ArrayList<>();
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Unreadable("A quoted field starting on line " + recordLine + " is never closed");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            lines.add(recordLine);
        }
        if (records.isEmpty()) {
            throw new Unreadable("The file is empty: it needs a header line naming the columns");
        }
        List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() > header.size()) {
                throw new Unreadable("Line " + lines.get(r) + " has " + values.size() + " fields; the header names " + header.size());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), c < values.size() ? values.get(c) : null);
            }
            rows.add(new Row(lines.get(r), fields));
        }
        return rows;
    }
}
