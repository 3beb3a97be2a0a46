package org.caseload.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the records of one CSV file (RFC 4180: comma separated, fields optionally in double quotes,
 * {@code ""} for a quote inside them, LF or CRLF line ends, an optional UTF-8 byte order mark).
 *
 * <p>Each record's fields are kept as bytes with offsets; {@link #get} decodes one on request. That
 * keeps the per-row cost to one pass over the bytes, and unread columns are never decoded at all.
 * A record without quotes that lies within the read buffer (nearly all of them) is not copied: its
 * offsets point into the buffer. Quoted records take a copying path that undoes the escaping.
 * Not thread-safe.
 */
public final class CsvReader implements Closeable {
    private static final int BUFFER = 1 << 20;

    private final String fileName;
    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private long consumed;
    private boolean eof;

    /** The current record's bytes: the read buffer itself (fast path) or {@link #copy}. */
    private byte[] data;
    private byte[] copy = new byte[4096];
    private int recordLength;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int fields;

    private long nextLine = 1;
    private long line;
    private boolean irregular;
    private final CsvHeader header;

    private CsvReader(String fileName, InputStream in) throws IOException {
        this.fileName = fileName;
        this.in = in;
        skipByteOrderMark();
        if (!next()) {
            throw new CsvFormatException(fileName, 1, "the file is empty; expected a header line");
        }
        List<String> names = new ArrayList<>(fields);
        for (int i = 0; i < fields; i++) {
            names.add(get(i).trim());
        }
        this.header = new CsvHeader(fileName, names);
    }

    public static CsvReader open(Path file) throws IOException {
        return new CsvReader(file.getFileName().toString(), Files.newInputStream(file));
    }

    public static CsvReader open(String fileName, InputStream in) throws IOException {
        return new CsvReader(fileName, in);
    }

    public String fileName() {
        return fileName;
    }

    public CsvHeader header() {
        return header;
    }

    /** The 1-based physical line the current record starts on (the header is line 1). */
    public long line() {
        return line;
    }

    /** Bytes read from the file so far, for progress. */
    public long bytesRead() {
        return consumed - (limit - pos);
    }

    public int fieldCount() {
        return fields;
    }

    /**
     * Whether the reader has so far passed over something beyond plain RFC 4180 that it tolerates
     * (a blank line, a CR not followed by LF outside quotes), which another CSV reader may read
     * differently.
     */
    public boolean irregular() {
        return irregular;
    }

    /** Field {@code index} of the current record, or "" when the record is shorter. */
    public String get(int index) {
        if (index >= fields) {
            return "";
        }
        int start = starts[index];
        return new String(data, start, ends[index] - start, StandardCharsets.UTF_8);
    }

    public boolean isEmpty(int index) {
        return index >= fields || ends[index] == starts[index];
    }

    /** Copies field {@code index} into {@code target} (ASCII only; no decoding); returns its length. */
    public int bytes(int index, byte[] target) {
        if (index >= fields) {
            return 0;
        }
        int length = Math.min(ends[index] - starts[index], target.length);
        System.arraycopy(data, starts[index], target, 0, length);
        return ends[index] - starts[index];
    }

    /** The bytes of the current record, for parsing a field in place with {@link #start} and {@link #length}. */
    public byte[] data() {
        return data;
    }

    public int start(int index) {
        return index >= fields ? 0 : starts[index];
    }

    public int length(int index) {
        return index >= fields ? 0 : ends[index] - starts[index];
    }

    /**
     * Advances to the next record; false at the end of the file. Blank lines are skipped.
     *
     * @throws CsvFormatException a quoted field is not closed, or a quote is followed by other text
     */
    public boolean next() throws IOException {
        while (true) {
            if (!readRecord()) {
                return false;
            }
            if (!(fields == 1 && ends[0] == starts[0])) {
                return true;
            }
            irregular = true;
        }
    }

    private boolean readRecord() throws IOException {
        line = nextLine;
        if (pos == limit && !fill()) {
            return false;
        }
        if (readInPlace()) {
            return true;
        }
        return readCopying();
    }

    /**
     * The fast path: scans an unquoted record inside the buffer and records field offsets into it.
     * Returns false, having consumed nothing, when the record has a quote or a stray CR, or is longer
     * than the buffer; then the copying path reads it.
     */
    private boolean readInPlace() throws IOException {
        while (true) {
            fields = 0;
            int fieldStart = pos;
            int p = pos;
            byte[] b = buf;
            while (p < limit) {
                // Eight bytes at a time until one of them is a byte that matters (see nextSpecial).
                p = nextSpecial(b, p, limit);
                if (p == limit) {
                    break;
                }
                byte c = b[p];
                if (c == ',') {
                    endField(fieldStart, p);
                    fieldStart = ++p;
                } else if (c == '\n') {
                    endField(fieldStart, p);
                    return acceptInPlace(p + 1);
                } else if (c == '\r') {
                    if (p + 1 < limit && b[p + 1] == '\n') {
                        endField(fieldStart, p);
                        return acceptInPlace(p + 2);
                    }
                    return false;
                } else {
                    return false; // a quote
                }
            }
            if (eof) {
                // The last record, without a line end.
                endField(fieldStart, p);
                return acceptInPlace(p);
            }
            if (pos == 0 && limit == buf.length) {
                return false; // longer than the buffer
            }
            readMore();
            // The partial record now starts at 0, followed by more bytes (or the end): scan it again.
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long COMMAS = ONES * ',';
    private static final long LFS = ONES * '\n';
    private static final long CRS = ONES * '\r';
    private static final long QUOTES = ONES * '"';

    /**
     * Index of the first comma, LF, CR or quote at or after {@code p}, or {@code limit}. Tests eight
     * bytes per step with the classic has-zero-byte trick on XORed words, so the common field body
     * (ids, timestamps) costs a few operations per eight bytes instead of four comparisons per byte.
     */
    private static int nextSpecial(byte[] b, int p, int limit) {
        while (p + 8 <= limit) {
            long word = (long) LONGS.get(b, p);
            long found = zeroBytes(word ^ COMMAS) | zeroBytes(word ^ LFS) | zeroBytes(word ^ CRS) | zeroBytes(word ^ QUOTES);
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            p += 8;
        }
        while (p < limit) {
            byte c = b[p];
            if (c == ',' || c == '\n' || c == '\r' || c == '"') {
                return p;
            }
            p++;
        }
        return limit;
    }

    /**
     * High bit set in each byte of {@code x} that is zero. The lowest flagged byte is always exact
     * (borrows only propagate upwards from a zero byte), which is all {@link #nextSpecial} uses.
     */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    private boolean acceptInPlace(int next) {
        nextLine++;
        pos = next;
        data = buf;
        return true;
    }

    /** Moves the unread tail to the front and reads more behind it; sets {@link #eof} when there is no more. */
    private void readMore() throws IOException {
        int tail = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, tail);
            pos = 0;
            limit = tail;
        }
        int n = in.readNBytes(buf, limit, buf.length - limit);
        if (n <= 0) {
            eof = true;
            return;
        }
        limit += n;
        consumed += n;
    }

    private boolean readCopying() throws IOException {
        recordLength = 0;
        fields = 0;
        data = copy;
        int fieldStart = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (quoted) {
                    throw new CsvFormatException(fileName, line, "a quoted field opened on this line is never closed");
                }
                endField(fieldStart, recordLength);
                return true;
            }
            byte b = buf[pos++];
            if (quoted) {
                if (b == '"') {
                    if (pos == limit && !fill()) {
                        quoted = false;
                        afterQuote = true;
                        continue;
                    }
                    if (buf[pos] == '"') {
                        pos++;
                        append(b);
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (b == '\n') {
                        nextLine++;
                    }
                    append(b);
                }
                continue;
            }
            switch (b) {
                case ',' -> {
                    endField(fieldStart, recordLength);
                    fieldStart = recordLength;
                    afterQuote = false;
                }
                case '\n' -> {
                    nextLine++;
                    endField(fieldStart, recordLength);
                    return true;
                }
                case '\r' -> {
                    // Part of CRLF (or a stray CR): never field content outside quotes.
                    if (pos >= limit || buf[pos] != '\n') {
                        irregular = true;
                    }
                }
                case '"' -> {
                    if (recordLength != fieldStart || afterQuote) {
                        throw new CsvFormatException(fileName, nextLine,
                                "field " + (fields + 1) + ": a quote inside an unquoted field (quote the whole field and double the quote)");
                    }
                    quoted = true;
                }
                default -> {
                    if (afterQuote) {
                        throw new CsvFormatException(fileName, nextLine,
                                "field " + (fields + 1) + ": text after the closing quote");
                    }
                    append(b);
                }
            }
        }
    }

    private void append(byte b) {
        if (recordLength == copy.length) {
            copy = Arrays.copyOf(copy, copy.length * 2);
            data = copy;
        }
        copy[recordLength++] = b;
    }

    private void endField(int fieldStart, int fieldEnd) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = fieldStart;
        ends[fields] = fieldEnd;
        fields++;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.readNBytes(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        consumed += n;
        return true;
    }

    private void skipByteOrderMark() throws IOException {
        if (!fill()) {
            return;
        }
        while (limit < 3 && !eof) {
            readMore(); // a stream may hand out fewer bytes than asked for
        }
        if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
