package io.tandem.infrastructure.salesforce;

import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceRecord;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A Bulk API 2.0 query job read as a stream: created on the first read, polled until complete, its
 * CSV results fetched a chunk at a time behind {@code Sforce-Locator}; deleted when closed.
 */
final class BulkQuery implements SalesforceGateway.RecordStream {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int CHUNK = 25_000;
    private static final long LONGEST_WAIT_MS = 10L * 60 * 1000;

    private final SalesforceClient client;
    private final String base;
    private final String object;
    /** The fields asked for, as every record's map names them. */
    private final RowFields.Names names;
    private final String soql;
    private String jobId;
    private String locator;
    private boolean lastChunk;
    private final Executor prefetch;
    /** The columns of the fields then of {@link SalesforceRecords#CSV_STAMPS} in {@link #rows}. */
    private int[] columns = new int[0];
    private BulkRows rows = BulkRows.NONE;
    private CompletableFuture<Chunk> coming;
    private int next;

    /** One chunk of results: its rows, and the locator of the next (null after the last). */
    private record Chunk(BulkRows rows, String locator, long calls) {
    }

    BulkQuery(SalesforceClient client, String version, String object, List<String> fields, String soql, Executor prefetch) {
        this.prefetch = prefetch;
        this.client = client;
        this.base = "/services/data/" + version + "/jobs/query";
        this.object = object;
        this.names = new RowFields.Names(fields);
        this.soql = soql;
    }

    @Override
    public boolean hasNext() {
        if (jobId == null) {
            start();
        }
        while (next >= rows.size()) {
            if (lastChunk) {
                return false;
            }
            fetch();
        }
        return true;
    }

    @Override
    public SalesforceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return SalesforceRecords.fromCsv(object, rows, next++, names, columns);
    }

    @Override
    public void close() {
        if (coming != null) {
            coming.cancel(false);
            coming = null;
        }
        if (jobId != null) {
            try {
                client.send("DELETE", base + "/" + jobId, null);
            } catch (SalesforceException ignored) {
                // results expire on their own after seven days
            }
            jobId = null;
        }
        rows = BulkRows.NONE;
    }

    private void start() {
        JsonObject job = client.send("POST", base, JSON.createObjectBuilder().add("operation", "queryAll").add("query", soql)
                .add("contentType", "CSV").add("columnDelimiter", "COMMA").add("lineEnding", "LF").build()).asJsonObject();
        jobId = job.getString("id");
        long waited = 0;
        long pause = 200;
        while (true) {
            JsonObject info = client.get(base + "/" + jobId).asJsonObject();
            String state = info.getString("state", "");
            if (state.equals("JobComplete")) {
                return;
            }
            if (state.equals("Failed") || state.equals("Aborted")) {
                throw new SalesforceException(500, "BULK_QUERY_" + state.toUpperCase(),
                        "the Bulk API query job " + jobId + " ended " + state + ": " + info.getString("errorMessage", ""), null);
            }
            if (waited > LONGEST_WAIT_MS) {
                throw new SalesforceException(504, "BULK_QUERY_TIMEOUT", "the Bulk API query job " + jobId
                        + " did not complete within " + LONGEST_WAIT_MS / 1000 + " s", null);
            }
            sleep(pause);
            waited += pause;
            pause = Math.min(pause * 2, 5_000);
        }
    }

    /**
     * Takes the chunk fetched in the background (or fetches it now) and starts fetching the one after,
     * so reading the results overlaps with applying them.
     */
    private void fetch() {
        Chunk chunk;
        try {
            chunk = coming != null ? coming.join() : fetch(locator);
        } catch (java.util.concurrent.CompletionException e) {
            coming = null;
            throw e.getCause() instanceof SalesforceException se ? se : e;
        }
        if (coming != null) {
            client.attribute(chunk.calls());
        }
        coming = null;
        rows = chunk.rows();
        columns = SalesforceRecords.csvColumns(rows, names);
        next = 0;
        locator = chunk.locator();
        lastChunk = locator == null;
        if (!lastChunk && prefetch != null) {
            String after = locator;
            coming = CompletableFuture.supplyAsync(() -> fetch(after), prefetch);
        }
    }

    private Chunk fetch(String from) {
        long before = client.callsOnThisThread();
        String path = base + "/" + jobId + "/results?maxRecords=" + CHUNK
                + (from == null ? "" : "&locator=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
        HttpResponse<String> answer = client.getText(path);
        String nextLocator = answer.headers().firstValue("Sforce-Locator").orElse("null");
        BulkRows parsed;
        try {
            parsed = BulkRows.read(answer.body());
        } catch (IOException e) {
            throw new SalesforceException(502, "BULK_RESULT_UNREADABLE", "the Bulk API results are not CSV: " + e.getMessage(), null);
        }
        return new Chunk(parsed, nextLocator.isEmpty() || nextLocator.equals("null") ? null : nextLocator,
                client.callsOnThisThread() - before);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(0, "INTERRUPTED", "interrupted", null);
        }
    }
}
