package org.caseload.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    /** Records with their start lines, read through a stream that hands out a few bytes at a time. */
    private static List<String> read(String text, int chunk) throws IOException {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        List<String> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.open("t.csv", in)) {
            rows.add("header " + csv.header().names());
            while (csv.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < csv.fieldCount(); i++) {
                    fields.add(csv.get(i));
                }
                rows.add(csv.line() + " " + fields);
            }
        }
        return rows;
    }

    @Test
    void quotesEscapesNewlinesCrlfBomAndNoFinalNewline() throws IOException {
        String text = "\uFEFFId,NAME,NOTE\r\n"
                + "1,plain,x\r\n"
                + "2,\"with, comma\",\"say \"\"hi\"\"\"\n"
                + "\n"
                + "3,\"two\nlines\",\n"
                + "4,é ü,\"\"\n"
                + "5,last,no newline";
        List<String> expected = List.of("header [Id, NAME, NOTE]", "2 [1, plain, x]", "3 [2, with, comma, say \"hi\"]",
                "5 [3, two\nlines, ]", "7 [4, é ü, ]", "8 [5, last, no newline]");
        assertThat(read(text, Integer.MAX_VALUE)).containsExactlyElementsOf(expected);
        // The same text handed out one byte at a time crosses every buffer boundary.
        assertThat(read(text, 1)).containsExactlyElementsOf(expected);
    }

    @Test
    void largeInputAcrossManyBufferRefillsMatchesASimpleSplit() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder text = new StringBuilder("a,b,c\n");
        List<String> expected = new ArrayList<>(List.of("header [a, b, c]"));
        int line = 2;
        while (text.length() < 3_500_000) {
            String a = Long.toString(random.nextLong(), 36);
            String b = "x".repeat(random.nextInt(200));
            boolean quoted = random.nextInt(50) == 0;
            text.append(a).append(',').append(quoted ? "\"" + b + ",q\"" : b).append(',').append(line).append('\n');
            expected.add(line + " [" + a + ", " + (quoted ? b + ",q" : b) + ", " + line + "]");
            line++;
        }
        assertThat(read(text.toString(), 65_536)).containsExactlyElementsOf(expected);
        assertThat(read(text.toString(), 777_777)).containsExactlyElementsOf(expected);
    }

    @Test
    void aRecordLongerThanTheBufferIsReadWhole() throws IOException {
        String big = "y".repeat(3_000_000);
        assertThat(read("a,b\n1," + big + "\n2,z\n", Integer.MAX_VALUE))
                .containsExactly("header [a, b]", "2 [1, " + big + "]", "3 [2, z]");
    }

    @Test
    void brokenQuotingNamesTheLine() {
        assertThatThrownBy(() -> read("a,b\n1,\"open\n2,x\n", Integer.MAX_VALUE))
                .isInstanceOf(CsvFormatException.class).hasMessage("t.csv:2: a quoted field opened on this line is never closed");
        assertThatThrownBy(() -> read("a,b\n1,x\"y\n", Integer.MAX_VALUE))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("t.csv:2: field 2: a quote inside an unquoted field");
        assertThatThrownBy(() -> read("a,b\n1,\"x\"y\n", Integer.MAX_VALUE))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("t.csv:2: field 2: text after the closing quote");
        assertThatThrownBy(() -> read("", 10)).isInstanceOf(CsvFormatException.class).hasMessageContaining("the file is empty");
    }

    @Test
    void requiredColumnsAreFoundInAnyCaseAndMissingOnesNamedTogether() throws IOException {
        try (CsvReader csv = CsvReader.open("t.csv", new ByteArrayInputStream("id,Name,extra\n".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(csv.header().require("NAME", "ID")).containsExactly(1, 0);
            assertThatThrownBy(() -> csv.header().require("Id", "START", "STOP"))
                    .hasMessage("t.csv:1: missing required columns START, STOP (the header has id,Name,extra)");
        }
    }
}
