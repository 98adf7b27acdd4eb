package io.tandem.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;

/**
 * Payara Micro's output as a log that rolls over by size: once the file passes {@code maxBytes} at the
 * end of a line it becomes {@code name.1}, older ones move up one, and the one beyond {@code keep} goes.
 * So a server that runs for months keeps at most {@code keep + 1} files of about {@code maxBytes}.
 */
final class RotatingLog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RotatingLog.class.getName());

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;
    private boolean atLineStart = true;

    RotatingLog(Path file, long maxBytes, int keep) throws IOException {
        if (maxBytes < 1 || keep < 1) {
            throw new IllegalArgumentException("a log needs a positive size and at least one older file");
        }
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
        open();
    }

    /** Writes a chunk; once the file is full, the next line starts the next file, and a line is never cut in two. */
    synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (size >= maxBytes && atLineStart) {
                roll();
            }
            int n = length;
            if (size >= maxBytes) {
                // full in the middle of a line: finish that line here
                for (int i = offset; i < offset + length; i++) {
                    if (bytes[i] == '\n') {
                        n = i + 1 - offset;
                        break;
                    }
                }
            }
            append(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    /** Copies everything the stream gives into this log on a background thread, until the stream ends. */
    Thread pump(InputStream in, String name) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16_384];
            try (in; this) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    write(buffer, 0, n);
                }
            } catch (IOException e) {
                LOG.warning("Stopped writing " + file + ": " + e.getMessage());
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void append(byte[] bytes, int offset, int length) throws IOException {
        if (length > 0) {
            out.write(bytes, offset, length);
            out.flush();
            size += length;
            atLineStart = bytes[offset + length - 1] == '\n';
        }
    }

    private void roll() throws IOException {
        out.close();
        Files.deleteIfExists(numbered(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(numbered(i))) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private Path numbered(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private void open() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
