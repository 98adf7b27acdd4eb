package io.tandem.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotatingLogTest {

    @TempDir
    Path dir;

    @Test
    void rollsOverAtALineEndAndKeepsOnlySoManyOlderFiles() throws Exception {
        Path file = dir.resolve("payara.log");
        try (RotatingLog log = new RotatingLog(file, 20, 2)) {
            for (int i = 0; i < 10; i++) {
                write(log, "line " + i + " of ten\n");
            }
        }
        assertTrue(Files.size(file) <= 20 + "line 9 of ten\n".length(), "about the size asked: " + Files.size(file));
        assertTrue(Files.exists(dir.resolve("payara.log.1")));
        assertTrue(Files.exists(dir.resolve("payara.log.2")));
        assertFalse(Files.exists(dir.resolve("payara.log.3")), "the oldest beyond the two kept is gone");
        assertTrue(Files.readString(file).endsWith("line 9 of ten\n"), "the newest lines are in the file itself");
        for (Path p : new Path[] {file, dir.resolve("payara.log.1"), dir.resolve("payara.log.2")}) {
            for (String line : Files.readAllLines(p)) {
                assertTrue(line.matches("line \\d of ten"), "no line is cut in two: " + line);
            }
        }
    }

    @Test
    void aLineWithoutEndIsNotCutAndAnExistingFileIsContinued() throws Exception {
        Path file = dir.resolve("payara.log");
        Files.writeString(file, "from before\n");
        try (RotatingLog log = new RotatingLog(file, 16, 1)) {
            write(log, "a long line");
            write(log, " still going");
            write(log, " done\nnext\n");
        }
        assertEquals("from before\na long line still going done\n", Files.readString(dir.resolve("payara.log.1")));
        assertEquals("next\n", Files.readString(file));
    }

    @Test
    void thePumpCopiesAStreamToItsEnd() throws Exception {
        Path file = dir.resolve("out.log");
        RotatingLog log = new RotatingLog(file, 1_000_000, 3);
        log.pump(new ByteArrayInputStream("server says hello\n".getBytes(StandardCharsets.UTF_8)), "pump").join(5_000);
        assertEquals("server says hello\n", Files.readString(file));
    }

    private static void write(RotatingLog log, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        log.write(b, 0, b.length);
    }
}
