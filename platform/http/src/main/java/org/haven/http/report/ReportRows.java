package org.haven.http.report;

import java.io.IOException;
import java.util.List;

/**
 * Where a report's rows go as they are read: a CSV file or a printable page. A report writes its header once and then
 * each row, page by page of its query, so no report holds more than one page of rows in memory.
 */
public interface ReportRows {

    void header(List<String> names) throws IOException;

    void row(List<String> fields) throws IOException;

    /** Sends what is buffered, between pages of the query, so the download moves while the next page is read. */
    void flush() throws IOException;
}
