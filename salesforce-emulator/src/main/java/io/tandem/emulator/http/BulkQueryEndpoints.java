package io.tandem.emulator.http;

import io.tandem.emulator.org.Org;
import io.tandem.emulator.org.Record;
import io.tandem.emulator.org.RecordView;
import io.tandem.emulator.org.SalesforceError;
import io.tandem.emulator.org.SfTime;
import io.tandem.emulator.soql.Soql;
import io.tandem.emulator.soql.SoqlEngine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bulk API 2.0 query jobs: create, poll, results as CSV pages behind {@code Sforce-Locator}, abort, delete. */
final class BulkQueryEndpoints {

    private static final int DEFAULT_PAGE = 50_000;

    private final Emulation emulation;

    BulkQueryEndpoints(Emulation emulation) {
        this.emulation = emulation;
    }

    /** Segments: jobs, query[, id[, results]]. */
    ApiResponse handle(ApiRequest req) {
        int n = req.segments().size();
        if (n == 2) {
            return req.method().equals("POST") ? create(req) : list(req);
        }
        BulkQueryJobs.Job job = emulation.bulkJobs().get(req.segment(2));
        if (job == null) {
            throw new SalesforceError(404, "NOT_FOUND", "The requested resource does not exist");
        }
        if (n == 3) {
            return switch (req.method()) {
                case "GET" -> {
                    if (job.state.equals("UploadComplete") || job.state.equals("InProgress")) {
                        job.state = "JobComplete";
                    }
                    yield ApiResponse.json(200, info(job));
                }
                case "PATCH" -> {
                    Object state = req.jsonObject().get("state");
                    if (!"Aborted".equals(state)) {
                        throw SalesforceError.badRequest("INVALIDJOBSTATE", "A query job can only be aborted");
                    }
                    job.state = "Aborted";
                    yield ApiResponse.json(200, info(job));
                }
                case "DELETE" -> {
                    emulation.bulkJobs().delete(job.id);
                    yield ApiResponse.noContent();
                }
                default -> throw SObjectEndpoints.methodNotAllowed(req, "GET, PATCH, DELETE");
            };
        }
        if (n == 4 && req.segment(3).equals("results")) {
            SObjectEndpoints.requireMethod(req, "GET");
            return results(req, job);
        }
        throw SalesforceError.notFound();
    }

    private ApiResponse create(ApiRequest req) {
        Map<String, Object> body = req.jsonObject();
        String operation = String.valueOf(body.getOrDefault("operation", "query"));
        if (!operation.equals("query") && !operation.equals("queryAll")) {
            throw SalesforceError.badRequest("INVALIDJOB", "operation must be query or queryAll");
        }
        Org org = emulation.org();
        Soql query = QueryEndpoints.parse(org, (String) body.get("query"));
        if (query.count() || query.fields().stream().anyMatch(p -> p.size() > 2)) {
            throw SalesforceError.badRequest("INVALIDJOB", "COUNT() and relationships deeper than one level are not supported by Bulk queries");
        }
        return org.read(() -> {
            List<Record> rows = List.copyOf(SoqlEngine.run(org, query, operation.equals("queryAll")));
            BulkQueryJobs.Job job = emulation.bulkJobs().create(operation, query.from().name(), (String) body.get("query"),
                    req.userId(), org.now(), req.version(), rows, query.fields());
            return ApiResponse.json(200, info(job));
        });
    }

    private ApiResponse list(ApiRequest req) {
        SObjectEndpoints.requireMethod(req, "GET", "POST");
        List<Object> records = new ArrayList<>();
        for (BulkQueryJobs.Job j : emulation.bulkJobs().all()) {
            records.add(info(j));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", true);
        body.put("records", records);
        body.put("nextRecordsUrl", null);
        return ApiResponse.json(200, body);
    }

    private ApiResponse results(ApiRequest req, BulkQueryJobs.Job job) {
        if (!job.state.equals("JobComplete")) {
            throw SalesforceError.badRequest("JOB_NOT_COMPLETE", "Job is not complete; its state is " + job.state);
        }
        if (!job.apiVersion.equals(req.version())) {
            throw new SalesforceError(409, "API_VERSION_MISMATCH", "Use API version " + job.apiVersion + " to read this job");
        }
        int offset = 0;
        String locator = req.param("locator");
        if (locator != null && !locator.isEmpty()) {
            try {
                offset = Integer.parseInt(new String(Base64.getDecoder().decode(locator), StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw SalesforceError.badRequest("INVALID_LOCATOR", "invalid locator");
            }
        }
        int page = DEFAULT_PAGE;
        if (req.param("maxRecords") != null) {
            page = Math.max(1, Integer.parseInt(req.param("maxRecords")));
        }
        int start = offset;
        int size = page;
        return emulation.org().read(() -> {
            int end = Math.min(job.rows.size(), start + size);
            StringBuilder csv = new StringBuilder(64 * (end - start + 1));
            List<String> header = new ArrayList<>();
            List<RecordView.Column> columns = new ArrayList<>();
            RecordView.Parents parents = new RecordView.Parents();
            for (List<String> p : job.fields) {
                header.add(String.join(".", p));
                columns.add(new RecordView.Column(emulation.org(), parents, p));
            }
            appendRow(csv, header);
            for (Record r : job.rows.subList(Math.min(start, end), end)) {
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    Object wire = columns.get(i).wire(r);
                    appendCell(csv, wire == null ? "" : wire.toString());
                }
                csv.append('\n');
            }
            String next = end < job.rows.size()
                    ? Base64.getEncoder().withoutPadding().encodeToString(Integer.toString(end).getBytes(StandardCharsets.US_ASCII)) : "null";
            return ApiResponse.text(200, csv.toString(), "text/csv")
                    .withHeader("Sforce-Locator", next)
                    .withHeader("Sforce-NumberOfRecords", Integer.toString(end - Math.min(start, end)));
        });
    }

    private static void appendRow(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            appendCell(csv, cells.get(i));
        }
        csv.append('\n');
    }

    /** A cell, quoted (quotes doubled) when it holds a comma, a quote or a line break. */
    private static void appendCell(StringBuilder csv, String c) {
        for (int i = 0, n = c.length(); i < n; i++) {
            char ch = c.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                csv.append('"').append(c.replace("\"", "\"\"")).append('"');
                return;
            }
        }
        csv.append(c);
    }

    private Map<String, Object> info(BulkQueryJobs.Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id);
        m.put("operation", job.operation);
        m.put("object", job.object);
        m.put("createdById", job.createdById);
        m.put("createdDate", SfTime.format(job.created));
        m.put("systemModstamp", SfTime.format(job.created));
        m.put("state", job.state);
        m.put("concurrencyMode", "Parallel");
        m.put("contentType", "CSV");
        m.put("apiVersion", Double.parseDouble(job.apiVersion.substring(1)));
        m.put("lineEnding", "LF");
        m.put("columnDelimiter", "COMMA");
        m.put("jobType", "V2Query");
        m.put("numberRecordsProcessed", job.state.equals("JobComplete") ? job.rows.size() : 0);
        m.put("retries", 0);
        m.put("totalProcessingTime", 0);
        return m;
    }
}
