package io.tandem.emulator.http;

import io.tandem.emulator.org.Ids;
import io.tandem.emulator.org.Record;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open query results behind {@code nextRecordsUrl} locators ({@code 01g…-2000}). Each holds the rows
 * the query matched; values are read when a page is served. Idle cursors expire after 15 minutes.
 */
public final class QueryCursors {

    private static final long IDLE_MILLIS = 15 * 60_000;
    private static final int MAX_OPEN = 2_000;

    public record Cursor(String id, List<Record> rows, List<List<String>> fields, int batchSize, long lastUsed) {
    }

    private final Map<String, Cursor> open = new ConcurrentHashMap<>();
    private final Ids ids = new Ids(5_000_000);

    public Cursor open(List<Record> rows, List<List<String>> fields, int batchSize, long now) {
        expire(now);
        Cursor c = new Cursor(ids.next("01g"), rows, fields, batchSize, now);
        open.put(c.id(), c);
        return c;
    }

    public Cursor get(String id, long now) {
        Cursor c = open.get(id);
        if (c == null) {
            return null;
        }
        Cursor touched = new Cursor(c.id(), c.rows(), c.fields(), c.batchSize(), now);
        open.put(id, touched);
        return touched;
    }

    public void close(String id) {
        open.remove(id);
    }

    public void clear() {
        open.clear();
    }

    private void expire(long now) {
        if (open.size() < MAX_OPEN / 2) {
            return;
        }
        for (Iterator<Cursor> it = open.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastUsed() > IDLE_MILLIS) {
                it.remove();
            }
        }
        if (open.size() >= MAX_OPEN) {
            open.clear();
        }
    }
}
