package io.tandem.emulator.http;

import io.tandem.emulator.org.Org;
import io.tandem.emulator.org.Record;
import io.tandem.emulator.org.RecordView;
import io.tandem.emulator.org.SalesforceError;
import io.tandem.emulator.soql.Soql;
import io.tandem.emulator.soql.SoqlEngine;
import io.tandem.emulator.soql.SoqlParser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /query} and {@code /queryAll}, with query-more through {@code nextRecordsUrl} locators. */
final class QueryEndpoints {

    private static final int DEFAULT_BATCH = 2000;

    private final Emulation emulation;

    QueryEndpoints(Emulation emulation) {
        this.emulation = emulation;
    }

    ApiResponse handle(ApiRequest req, boolean all) {
        SObjectEndpoints.requireMethod(req, "GET");
        if (req.segments().size() == 2) {
            return more(req, req.segment(1));
        }
        Org org = emulation.org();
        Soql query = parse(org, req.param("q"));
        int batch = batchSize(req.header("Sforce-Query-Options"));
        return org.read(() -> {
            List<Record> rows = SoqlEngine.run(org, query, all);
            if (query.count()) {
                return ApiResponse.json(200, page(rows.size(), true, null, List.of()));
            }
            if (rows.size() <= batch) {
                return ApiResponse.json(200, page(rows.size(), true, null, render(req, rows, query.fields())));
            }
            QueryCursors.Cursor cursor = emulation.cursors().open(List.copyOf(rows), query.fields(), batch, org.nowMillis());
            return ApiResponse.json(200, page(rows.size(), false, nextUrl(req, cursor.id(), batch),
                    render(req, rows.subList(0, batch), query.fields())));
        });
    }

    /** Parses with the org's schema and today's date, for the Bulk API too. */
    static Soql parse(Org org, String soql) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(org.now()), ZoneOffset.UTC);
        return SoqlParser.parse(soql, org.schema(), today);
    }

    private ApiResponse more(ApiRequest req, String locator) {
        int dash = locator.lastIndexOf('-');
        QueryCursors.Cursor cursor = dash < 0 ? null : emulation.cursors().get(locator.substring(0, dash), emulation.org().nowMillis());
        int offset;
        try {
            offset = dash < 0 ? -1 : Integer.parseInt(locator.substring(dash + 1));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (cursor == null || offset < 0 || offset > cursor.rows().size()) {
            throw SalesforceError.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int start = offset;
        return emulation.org().read(() -> {
            int end = Math.min(cursor.rows().size(), start + cursor.batchSize());
            boolean done = end >= cursor.rows().size();
            if (done) {
                emulation.cursors().close(cursor.id());
            }
            return ApiResponse.json(200, page(cursor.rows().size(), done, done ? null : nextUrl(req, cursor.id(), end),
                    render(req, cursor.rows().subList(start, end), cursor.fields())));
        });
    }

    private List<Object> render(ApiRequest req, List<Record> rows, List<List<String>> fields) {
        List<Object> out = new ArrayList<>(rows.size());
        for (Record r : rows) {
            out.add(RecordView.select(emulation.org(), r, fields, req.version()));
        }
        return out;
    }

    private static Map<String, Object> page(int total, boolean done, String next, List<Object> records) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalSize", total);
        m.put("done", done);
        if (next != null) {
            m.put("nextRecordsUrl", next);
        }
        m.put("records", records);
        return m;
    }

    private static String nextUrl(ApiRequest req, String cursorId, int offset) {
        return "/services/data/" + req.version() + "/query/" + cursorId + "-" + offset;
    }

    static int batchSize(String options) {
        if (options == null) {
            return DEFAULT_BATCH;
        }
        for (String part : options.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("batchSize")) {
                try {
                    return Math.max(200, Math.min(DEFAULT_BATCH, Integer.parseInt(kv[1].trim())));
                } catch (NumberFormatException e) {
                    return DEFAULT_BATCH;
                }
            }
        }
        return DEFAULT_BATCH;
    }
}
