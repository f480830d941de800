package org.haven.http.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    private static byte[] write(List<String> header, List<String>... rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvWriter csv = new CsvWriter(bytes);
        csv.header(header);
        for (List<String> row : rows) {
            csv.row(row);
        }
        csv.flush();
        return bytes.toByteArray();
    }

    @Test
    void startsWithAUtf8ByteOrderMarkAndEndsEveryRecordWithCrlf() throws IOException {
        byte[] body = write(List.of("a", "b"), List.of("1", "2"));

        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b\r\n1,2\r\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndDoublesTheirQuotes() throws IOException {
        String body = new String(write(List.of("text"),
                List.of("a, b"), List.of("she said \"no\""), List.of("line one\nline two"), List.of("cr\rhere"),
                List.of("São Tomé — 東京")), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("\uFEFFtext\r\n\"a, b\"\r\n\"she said \"\"no\"\"\"\r\n\"line one\nline two\"\r\n"
                + "\"cr\rhere\"\r\nSão Tomé — 東京\r\n");
    }

    @Test
    void nullAndEmptyAreEmptyFields() throws IOException {
        assertThat(new String(write(List.of("a", "b", "c"), Arrays.asList(null, "", "x")), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFa,b,c\r\n,,x\r\n");
    }

    @Test
    void aFieldThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(CsvWriter.field("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CsvWriter.field("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.field("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("C-7F3KW")).isEqualTo("C-7F3KW");
    }

    @Test
    void aPrintablePageEscapesEveryValue() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintableTable table = new PrintableTable(bytes, "<table>" + PrintableTable.ROWS + "</table>");
        table.header(List.of("<b>"));
        table.row(List.of("<script>alert('x')</script> & \"y\""));
        table.finish();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("<table><thead><tr><th scope=\"col\">&lt;b&gt;</th></tr></thead>\n"
                + "<tbody>\n<tr><td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;</td></tr>\n</tbody></table>");
    }
}
