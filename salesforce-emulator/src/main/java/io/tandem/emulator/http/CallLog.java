package io.tandem.emulator.http;

import io.tandem.emulator.org.SfTime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every call the emulator answered: totals by endpoint and the most recent ones, for tests and demos. */
public final class CallLog {

    private static final int RECENT = 1000;

    private final Map<String, Long> byEndpoint = new TreeMap<>();
    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();
    private long total;
    private long apiCalls;

    public synchronized void record(long at, String method, String endpoint, String path, int status, boolean counted) {
        total++;
        if (counted) {
            apiCalls++;
            byEndpoint.merge(method + " " + endpoint, 1L, Long::sum);
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("time", SfTime.format(at));
        e.put("method", method);
        e.put("path", path);
        e.put("status", status);
        e.put("counted", counted);
        recent.addLast(e);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }

    public synchronized Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", total);
        m.put("apiCalls", apiCalls);
        m.put("byEndpoint", new LinkedHashMap<>(byEndpoint));
        List<Map<String, Object>> list = new ArrayList<>(recent);
        m.put("recent", list);
        return m;
    }

    public synchronized void clear() {
        byEndpoint.clear();
        recent.clear();
        total = 0;
        apiCalls = 0;
    }
}
