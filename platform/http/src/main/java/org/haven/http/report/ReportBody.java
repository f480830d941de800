package org.haven.http.report;

import java.io.IOException;

/** What a report writes, row by row, into CSV or a printable page. */
@FunctionalInterface
public interface ReportBody {

    void writeTo(ReportRows rows) throws IOException;
}
