package io.tandem.emulator.http;

import io.tandem.emulator.org.Ids;
import io.tandem.emulator.org.Record;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Bulk API 2.0 query jobs: the matched rows are fixed when the job is created, served as CSV pages. */
public final class BulkQueryJobs {

    /** A job; {@code polls} counts status reads, the first of which sees it complete. */
    public static final class Job {
        final String id;
        final String operation;
        final String object;
        final String query;
        final String createdById;
        final long created;
        final String apiVersion;
        final List<Record> rows;
        final List<List<String>> fields;
        volatile String state = "UploadComplete";

        Job(String id, String operation, String object, String query, String createdById, long created, String apiVersion,
            List<Record> rows, List<List<String>> fields) {
            this.id = id;
            this.operation = operation;
            this.object = object;
            this.query = query;
            this.createdById = createdById;
            this.created = created;
            this.apiVersion = apiVersion;
            this.rows = rows;
            this.fields = fields;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Ids ids = new Ids(7_000_000);

    Job create(String operation, String object, String query, String userId, long now, String version,
               List<Record> rows, List<List<String>> fields) {
        Job job = new Job(ids.next("750"), operation, object, query, userId, now, version, rows, fields);
        jobs.put(job.id, job);
        return job;
    }

    Job get(String id) {
        String normalized = Ids.normalize(id);
        return normalized == null ? null : jobs.get(normalized);
    }

    void delete(String id) {
        Job j = get(id);
        if (j != null) {
            jobs.remove(j.id);
        }
    }

    List<Job> all() {
        return List.copyOf(jobs.values());
    }

    void clear() {
        jobs.clear();
    }
}
