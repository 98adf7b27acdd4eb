package io.tandem.domain.model.imports;

import io.tandem.domain.shared.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CSV import: the stored file, which column feeds which contact field, the options, and its
 * progress (rows done out of the total, created, updated, failed) as the batch job reports it.
 */
@Entity
@Table(name = "imports")
public class ImportJob {

    /** Where the import stands. */
    public enum Status { QUEUED, RUNNING, COMPLETED, FAILED, STOPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "stored_path", nullable = false, length = 1000)
    private String storedPath;
    @Column(nullable = false)
    private String mapping;
    @Column(nullable = false)
    private String options;
    @Column(nullable = false, length = 16)
    private String status;
    @Column(name = "total_rows")
    private Integer totalRows;
    @Column(name = "rows_done")
    private int rowsDone;
    private int created;
    private int updated;
    private int failed;
    @Column(name = "execution_id")
    private Long executionId;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ImportJob() {
    }

    public ImportJob(String fileName, String storedPath, Map<String, String> mapping, Map<String, Object> options,
                     int totalRows, String createdBy, Instant at) {
        this.fileName = fileName;
        this.storedPath = storedPath;
        this.mapping = JsonText.write(mapping);
        this.options = JsonText.write(options) == null ? "{}" : JsonText.write(options);
        this.totalRows = totalRows;
        this.createdBy = createdBy;
        this.createdAt = at;
        this.status = Status.QUEUED.name();
    }

    public void started(long execution) {
        executionId = execution;
        status = Status.RUNNING.name();
        finishedAt = null;
    }

    public void finished(Status end, Instant at) {
        status = end.name();
        finishedAt = at;
    }

    public Long id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public String storedPath() {
        return storedPath;
    }

    /** CSV column → contact field ({@code email}, {@code firstName}, {@code customFields.x}, …). */
    public Map<String, String> mapping() {
        Map<String, String> m = new LinkedHashMap<>();
        JsonText.read(mapping).forEach((k, v) -> m.put(k, String.valueOf(v)));
        return m;
    }

    public Map<String, Object> options() {
        return JsonText.read(options);
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public Integer totalRows() {
        return totalRows;
    }

    public int rowsDone() {
        return rowsDone;
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int failed() {
        return failed;
    }

    public Long executionId() {
        return executionId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
