package io.tandem.sync.imports;

import io.tandem.domain.model.imports.ImportJob;
import io.tandem.domain.model.imports.ImportRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Uploads are personal data: a completed import's file goes when it ends; a failed or stopped one's is
 * kept so the import can restart, until the retention days have passed since it ended.
 */
@Dependent
public class ImportUploads {

    @Inject
    ImportRepository imports;

    /** Deletes the kept uploads of imports that ended before {@code before}; answers how many went. */
    public int discardEndedBefore(Instant before) {
        int discarded = 0;
        for (ImportJob job : imports.endedUnfinishedBefore(before)) {
            Path file = Path.of(job.storedPath());
            if (Files.exists(file)) {
                CsvUpload.discard(file);
                discarded++;
            }
        }
        return discarded;
    }

    /** Whether the import's upload is still there to restart from. */
    public static boolean kept(ImportJob job) {
        return Files.exists(Path.of(job.storedPath()));
    }
}
