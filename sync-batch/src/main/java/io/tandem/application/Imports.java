package io.tandem.application;

import io.tandem.application.internal.ColumnMapping;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.sync.imports.CsvUpload;
import io.tandem.sync.imports.ImportLedger;
import io.tandem.domain.model.field.CustomFieldDefinition;
import io.tandem.domain.model.field.CustomFieldRepository;
import io.tandem.domain.model.imports.ImportError;
import io.tandem.domain.model.imports.ImportJob;
import io.tandem.domain.model.imports.ImportRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import io.tandem.sync.imports.ImportUploads;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** CSV imports of contacts: upload (checked, stored, started as a batch job), progress, restart. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class Imports {

    public static final String JOB = "contact-import";

    /** An import as the API shows it. */
    public record ImportView(long id, String fileName, String status, Integer totalRows, int rowsDone, int created,
                             int updated, int failed, Long executionId, Map<String, String> mapping,
                             List<RowError> errors, Instant createdAt, Instant finishedAt) {
    }

    /** A row the import could not take. */
    public record RowError(int row, String column, String message) {
    }

    @Inject
    ImportRepository imports;
    @Inject
    CustomFieldRepository fields;
    @Inject
    ImportLedger ledger;
    @Inject
    @ConfigProperty(name = "tandem.imports.dir")
    String importsDir;
    /** The largest upload, in MB (TANDEM_IMPORT_MAX_MB); the API refuses a larger one before reading it. */
    @Inject
    @ConfigProperty(name = "tandem.import.max.mb", defaultValue = "512")
    long maxMb;

    /**
     * Outside a transaction on purpose: the import's row must be committed before its job starts on
     * another thread and looks it up.
     */
    @RolesAllowed(Roles.OPERATOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportView start(String fileName, InputStream content, Map<String, String> mapping, UpsertOptions options, String user) {
        if (content == null) {
            throw new InvalidRequestException("file", "is required (a multipart part named file)");
        }
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : Path.of(fileName).getFileName().toString();
        CsvUpload upload;
        try {
            upload = CsvUpload.store(content, Path.of(importsDir).resolve(UUID.randomUUID() + ".csv"), maxMb * 1024 * 1024);
        } catch (CsvUpload.TooLarge e) {
            throw new TooLargeException(e.field(), e.getMessage());
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
        Map<String, CustomFieldDefinition> custom = new HashMap<>();
        fields.all().forEach(f -> custom.put(f.name(), f));
        Map<String, String> resolved = ColumnMapping.resolve(upload.header(), mapping, custom);
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("updateOnly", options.updateOnly());
        opts.put("dontOverwriteNonEmpty", options.keepNonEmpty());
        opts.put("sync", options.syncNow() == null ? null : options.syncNow() ? "now" : "skip");
        long id = ledger.create(new ImportJob(name, upload.file().toString(), resolved, opts, upload.rows(), user, Instant.now()));
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters(id));
        ledger.running(id, execution);
        return view(require(id));
    }

    public ImportView get(long id) {
        return view(require(id));
    }

    /** Runs a failed or stopped import on from its last checkpoint. */
    @RolesAllowed(Roles.OPERATOR)
    public ImportView restart(long id) {
        ImportJob job = require(id);
        if (job.status() != ImportJob.Status.FAILED && job.status() != ImportJob.Status.STOPPED) {
            throw new ConflictException("status", "only a failed or stopped import restarts; this one is " + job.status());
        }
        if (!ImportUploads.kept(job)) {
            throw new ConflictException("file", "the upload was deleted once the retention days had passed since the import ended; "
                    + "upload the file again");
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        job.started(operator.restart(job.executionId(), parameters(id)));
        return view(job);
    }

    /** Asks a running import to stop after its current chunk; restart goes on from there. */
    @RolesAllowed(Roles.OPERATOR)
    public ImportView stop(long id) {
        ImportJob job = require(id);
        if (job.status() != ImportJob.Status.RUNNING) {
            throw new ConflictException("status", "only a running import stops; this one is " + job.status());
        }
        BatchRuntime.getJobOperator().stop(job.executionId());
        return view(job);
    }

    /** A restart takes its parameters anew, so every start and restart names the import. */
    private static Properties parameters(long importId) {
        Properties params = new Properties();
        params.setProperty("importId", Long.toString(importId));
        return params;
    }

    private ImportJob require(long id) {
        return imports.find(id).orElseThrow(() -> new UnknownRecordException("import", id));
    }

    private ImportView view(ImportJob j) {
        List<RowError> errors = imports.errors(j.id(), 100).stream()
                .map((ImportError e) -> new RowError(e.rowNumber(), e.column(), e.message())).toList();
        return new ImportView(j.id(), j.fileName(), j.status().name().toLowerCase(), j.totalRows(), j.rowsDone(), j.created(),
                j.updated(), j.failed(), j.executionId(), j.mapping(), errors, j.createdAt(), j.finishedAt());
    }
}
