package io.tandem.infrastructure.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, quotes (doubled) and line
 * breaks; CRLF or LF ends a record. Reads one record at a time, so files of any size stream, and no
 * cell or record grows past its cap: a quote that is never closed would otherwise take the rest of the
 * file into one cell, in memory.
 */
public final class CsvReader implements AutoCloseable {

    /** Salesforce's longest text fields hold 131,072 characters; a record of many of them fits too. */
    public static final int LARGEST_SALESFORCE_CELL = 1 << 20;
    private static final int LARGEST_SALESFORCE_RECORD = 16 << 20;

    private final Reader in;
    private final int maxCell;
    private final int maxRecord;
    /** Characters read ahead in blocks: one {@code Reader.read()} a character cost a tenth of an import's CPU. */
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int pushback = -2;
    private long records;
    /** {@link #next}'s record before it is cut into cells. */
    private StringBuilder record = new StringBuilder();
    private final CellEnds recordEnds = new CellEnds(32);

    /** Caps fit for Salesforce's Bulk results. */
    public CsvReader(Reader in) {
        this(in, LARGEST_SALESFORCE_CELL, LARGEST_SALESFORCE_RECORD);
    }

    /** At most {@code maxCell} characters a cell and {@code maxRecord} a record, else an error naming the record. */
    public CsvReader(Reader in, int maxCell, int maxRecord) {
        this.in = in;
        this.maxCell = maxCell;
        this.maxRecord = maxRecord;
    }

    /** The next record's cells, or null at the end of the input. */
    public List<String> next() throws IOException {
        if (record.capacity() > 1 << 16) {
            record = new StringBuilder(); // a long record read before is not held on to
        }
        record.setLength(0);
        recordEnds.clear();
        if (!nextInto(record, recordEnds)) {
            return null;
        }
        List<String> cells = new ArrayList<>(recordEnds.size());
        int from = 0;
        for (int i = 0; i < recordEnds.size(); i++) {
            int to = recordEnds.get(i);
            cells.add(record.substring(from, to));
            from = to;
        }
        return cells;
    }

    /**
     * The next record's cells appended to {@code text} one after the other, each cell's end (an offset in
     * {@code text}) added to {@code ends}; false at the end of the input. Many records read this way share one
     * text and one array of ends: a page of Bulk results held as a few large objects, not a String a cell.
     */
    public boolean nextInto(StringBuilder text, CellEnds ends) throws IOException {
        int c = read();
        if (c == -1) {
            return false;
        }
        int cellStart = text.length();
        boolean quoted = false;
        boolean wasQuoted = false;
        int recordLength = 0;
        while (true) {
            if (text.length() - cellStart > maxCell || recordLength > maxRecord) {
                throw new IOException("record " + (records + 1) + ": " + (text.length() - cellStart > maxCell
                        ? "a cell is longer than " + String.format("%,d", maxCell) + " characters"
                        : "the record is longer than " + String.format("%,d", maxRecord) + " characters")
                        + (quoted ? " (a quote opened there is not closed?)" : ""));
            }
            recordLength++;
            if (quoted) {
                if (c == -1) {
                    throw new IOException("a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        text.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    text.append((char) c);
                    recordLength += appendUntil(text, '"', '"', '"');
                }
            } else if (c == '"' && text.length() == cellStart && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                ends.add(text.length());
                cellStart = text.length();
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                ends.add(text.length());
                records++;
                return true;
            } else {
                text.append((char) c);
                recordLength += appendUntil(text, ',', '\n', '\r');
            }
            c = read();
        }
    }

    /**
     * The characters read ahead up to the first of {@code a}, {@code b}, {@code c} (or the end of the block), appended
     * in one go; how many. A cell copied a character at a time cost a tenth of an import's reading.
     */
    private int appendUntil(StringBuilder cell, char a, char b, char c) {
        if (pushback != -2) {
            return 0;
        }
        int from = position;
        int at = from;
        while (at < limit) {
            char ch = buffer[at];
            if (ch == a || ch == b || ch == c) {
                break;
            }
            at++;
        }
        cell.append(buffer, from, at - from);
        position = at;
        return at - from;
    }

    /** Records read so far. */
    public long records() {
        return records;
    }

    private int read() throws IOException {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        pushback = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** True when every cell is empty: a blank line, which imports skip. */
    public static boolean isBlank(List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
