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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

/** CSV imports of contacts: upload (checked, stored, started as a batch job), progress, restart. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class Imports {

    public static final String JOB = "contact-import";
    /** How many rows a preview shows. */
    static final int PREVIEW_ROWS = 5;
    private static final Logger LOG = Logger.getLogger(Imports.class.getName());

    /** An import as the API shows it. */
    public record ImportView(long id, String fileName, String status, Integer totalRows, int rowsDone, int created,
                             int updated, int failed, Long executionId, Map<String, String> mapping,
                             List<RowError> errors, Instant createdAt, Instant finishedAt) {
    }

    /**
     * An upload kept while its column mapping is chosen: {@code upload} names it for {@link #startPrepared};
     * the mapping found by name (null where a column matches no field), the first rows, and every field a
     * column can feed.
     */
    public record Prepared(String upload, String fileName, int rows, List<String> header, Map<String, String> suggested,
                           List<List<String>> sample, List<String> fields) {
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
        CsvUpload stored = store(content, Path.of(importsDir).resolve(UUID.randomUUID() + ".csv"));
        try {
            ColumnMapping.resolve(stored.header(), mapping, customFields());
        } catch (InvalidInputException e) {
            CsvUpload.discard(stored.file());
            throw e;
        }
        return begin(stored, name(fileName), mapping, options, user);
    }

    private ImportView begin(CsvUpload upload, String name, Map<String, String> mapping, UpsertOptions options, String user) {
        Map<String, String> resolved = ColumnMapping.resolve(upload.header(), mapping, customFields());
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("updateOnly", options.updateOnly());
        opts.put("dontOverwriteNonEmpty", options.keepNonEmpty());
        opts.put("sync", options.syncNow() == null ? null : options.syncNow() ? "now" : "skip");
        long id = ledger.create(new ImportJob(name, upload.file().toString(), resolved, opts, upload.rows(), user, Instant.now()));
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters(id));
        ledger.running(id, execution);
        return view(require(id));
    }

    /**
     * The first step of an import with a mapping to choose: the file is stored and checked as for
     * {@link #start}, and nothing is imported yet. Uploads left unstarted for a day are deleted.
     */
    @RolesAllowed(Roles.OPERATOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Prepared prepare(String fileName, InputStream content) {
        if (content == null) {
            throw new InvalidRequestException("file", "is required (a multipart part named file)");
        }
        forgetUnstartedUploads();
        String upload = UUID.randomUUID().toString();
        CsvUpload stored = store(content, pending(upload));
        Map<String, CustomFieldDefinition> custom = customFields();
        return new Prepared(upload, name(fileName), stored.rows(), stored.header(), ColumnMapping.suggest(stored.header(), custom),
                stored.sample(PREVIEW_ROWS), ColumnMapping.fields(custom));
    }

    /** The second step: the prepared upload imported with the mapping chosen (column → field, null to leave it out). */
    @RolesAllowed(Roles.OPERATOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportView startPrepared(String upload, String fileName, Map<String, String> mapping, UpsertOptions options, String user) {
        if (upload == null || !upload.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new InvalidRequestException("upload", "must be the upload's name from the preview");
        }
        Path file = pending(upload);
        if (!Files.exists(file)) {
            throw new ConflictException("upload", "is gone (started already, or left for more than a day); upload the file again");
        }
        CsvUpload checked;
        try {
            checked = CsvUpload.check(file);
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
        ColumnMapping.resolve(checked.header(), mapping, customFields()); // a wrong mapping leaves the upload to try again
        Path kept = Path.of(importsDir).resolve(upload + ".csv");
        try {
            Files.move(file, kept);
        } catch (IOException e) {
            throw new ConflictException("upload", "could not be taken (" + e.getMessage() + "); upload the file again");
        }
        return begin(new CsvUpload(kept, checked.header(), checked.rows()), name(fileName), mapping, options, user);
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

    private CsvUpload store(InputStream content, Path file) {
        try {
            return CsvUpload.store(content, file, maxMb * 1024 * 1024);
        } catch (CsvUpload.TooLarge e) {
            throw new TooLargeException(e.field(), e.getMessage());
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
    }

    private Map<String, CustomFieldDefinition> customFields() {
        Map<String, CustomFieldDefinition> custom = new HashMap<>();
        fields.all().forEach(f -> custom.put(f.name(), f));
        return custom;
    }

    private static String name(String fileName) {
        return fileName == null || fileName.isBlank() ? "upload.csv" : Path.of(fileName).getFileName().toString();
    }

    private Path pending(String upload) {
        return Path.of(importsDir).resolve("pending-" + upload + ".csv");
    }

    /** Prepared uploads nobody started within a day: personal data kept for nothing. */
    private void forgetUnstartedUploads() {
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (DirectoryStream<Path> pending = Files.newDirectoryStream(Path.of(importsDir), "pending-*.csv")) {
            for (Path p : pending) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(dayAgo)) {
                    CsvUpload.discard(p);
                }
            }
        } catch (NoSuchFileException none) {
            // no upload yet
        } catch (IOException e) {
            LOG.warning("Unstarted uploads could not be cleared from " + importsDir + ": " + e.getMessage());
        }
    }

    private ImportView view(ImportJob j) {
        List<RowError> errors = imports.errors(j.id(), 100).stream()
                .map((ImportError e) -> new RowError(e.rowNumber(), e.column(), e.message())).toList();
        return new ImportView(j.id(), j.fileName(), j.status().name().toLowerCase(), j.totalRows(), j.rowsDone(), j.created(),
                j.updated(), j.failed(), j.executionId(), j.mapping(), errors, j.createdAt(), j.finishedAt());
    }
}
