package org.haven.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for tests: reads a downloaded report back into records and fails on anything a
 * spreadsheet would read differently (no byte order mark, a bare LF or CR between records, text after a closing
 * quote, a quote inside an unquoted field, a file that does not end with CRLF). Written here rather than taken from a
 * library so that the reader the tests trust is as strict as the format promised.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    public static List<List<String>> parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty() || text.charAt(0) != '\uFEFF') {
            throw new IllegalArgumentException("no UTF-8 byte order mark");
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 1;
        boolean fieldStarted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!fieldStarted && c == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unclosed quote in record " + (records.size() + 1));
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                fieldStarted = true;
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote in record " + (records.size() + 1));
                }
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("a CR not followed by LF in record " + (records.size() + 1));
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                i += 2;
            } else if (c == '\n') {
                throw new IllegalArgumentException("a bare LF in record " + (records.size() + 1));
            } else if (c == '"') {
                throw new IllegalArgumentException("a quote inside an unquoted field in record " + (records.size() + 1));
            } else {
                field.append(c);
                fieldStarted = true;
                i++;
            }
        }
        if (fieldStarted || !record.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return records;
    }
}
