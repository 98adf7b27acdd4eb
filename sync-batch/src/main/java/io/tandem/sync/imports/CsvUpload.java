package io.tandem.sync.imports;

import io.tandem.domain.shared.InvalidValueException;
import io.tandem.infrastructure.csv.CsvReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * An uploaded CSV file, stored and checked once before any job starts: UTF-8 (a BOM is fine), a
 * header, at least one data row. Anything else is a 400 that says what to fix.
 */
public record CsvUpload(Path file, List<String> header, int rows) {

    /** The longest cell an upload may hold, and the longest record (the header counts as record 1). */
    static final int MAX_CELL = 1 << 16;
    static final int MAX_RECORD = 1 << 20;

    /** A stored upload's records, with the caps every reader of uploads applies. */
    public static CsvReader read(Path file) throws IOException {
        return new CsvReader(open(file), MAX_CELL, MAX_RECORD);
    }

    /** Opens a stored file for reading as UTF-8, past its BOM if it has one; bad bytes fail loudly. */
    public static Reader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** An upload past the size limit: refused, and nothing of it kept. */
    public static final class TooLarge extends InvalidValueException {
        TooLarge(long maxBytes) {
            super("file", "is larger than the limit of " + maxBytes / (1024 * 1024) + " MB (TANDEM_IMPORT_MAX_MB)");
        }
    }

    /**
     * Stores an upload readable by this server's user alone (uploads are personal data), at most
     * {@code maxBytes} of it, and checks it.
     */
    public static CsvUpload store(InputStream content, Path file, long maxBytes) {
        try {
            ownerOnly(Files.createDirectories(file.getParent()), "rwx------");
            Files.createFile(file);
            ownerOnly(file, "rw-------");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] block = new byte[1 << 16];
                long written = 0;
                for (int n; (n = content.read(block)) > 0; ) {
                    written += n;
                    if (written > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    out.write(block, 0, n);
                }
            }
        } catch (IOException e) {
            delete(file);
            throw new InvalidValueException("file", "could not be stored: " + e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        return check(file);
    }

    /**
     * Checks a stored file as an upload (UTF-8, a header, at least one row) and counts its rows; a file
     * that fails is deleted.
     */
    public static CsvUpload check(Path file) {
        try {
            byte[] start;
            try (InputStream in = Files.newInputStream(file)) {
                start = in.readNBytes(2);
            }
            if (start.length == 0) {
                throw new InvalidValueException("file", "is empty");
            }
            if (start.length == 2 && ((start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF
                    || (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE)) {
                throw new InvalidValueException("file", "is UTF-16; save it as CSV UTF-8 and upload again");
            }
            try (CsvReader csv = read(file)) {
                List<String> header = csv.next();
                if (header == null || CsvReader.isBlank(header)) {
                    throw new InvalidValueException("file", "has no header row");
                }
                int rows = 0;
                for (List<String> r = csv.next(); r != null; r = csv.next()) {
                    if (!CsvReader.isBlank(r)) {
                        rows++;
                    }
                }
                if (rows == 0) {
                    throw new InvalidValueException("file", "has a header but no rows");
                }
                return new CsvUpload(file, header.stream().map(String::trim).toList(), rows);
            }
        } catch (CharacterCodingException e) {
            delete(file);
            throw new InvalidValueException("file", "is not UTF-8; save it as CSV UTF-8 (Excel: \"CSV UTF-8\") and upload again");
        } catch (IOException e) {
            delete(file);
            throw new InvalidValueException("file", "could not be read as CSV: " + e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** The first {@code n} rows after the header that are not blank, each cell cut at 200 characters (for a preview). */
    public List<List<String>> sample(int n) {
        List<List<String>> rows = new java.util.ArrayList<>();
        try (CsvReader csv = read(file)) {
            csv.next();
            for (List<String> r = csv.next(); r != null && rows.size() < n; r = csv.next()) {
                if (!CsvReader.isBlank(r)) {
                    rows.add(r.stream().map(cell -> cell.length() > 200 ? cell.substring(0, 199) + "…" : cell).toList());
                }
            }
        } catch (IOException e) {
            throw new InvalidValueException("file", "could not be read as CSV: " + e.getMessage());
        }
        return rows;
    }

    /** POSIX permissions where the file system has them (elsewhere the folder's own rules apply). */
    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    /** The stored file of an import that has ended for good. */
    public static void discard(Path file) {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray upload in the imports folder is harmless
        }
    }
}
