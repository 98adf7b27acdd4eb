package io.tandem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependency direction of the modules: web uses only sync-batch's application package, sync-batch
 * never web, the domain neither, and the domain no HTTP, pages or batch API. Read from the sources, so
 * a wrong import fails the build before anything runs.
 */
class ArchitectureTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Path ROOT = Path.of(System.getProperty("tandem.home", "..")).toAbsolutePath();

    @Test
    void domainDependsOnNothingOfOursAndOnNoOuterApi() throws IOException {
        assertNoImports("domain", List.of("io.tandem.application", "io.tandem.infrastructure", "io.tandem.sync",
                "io.tandem.interfaces", "jakarta.ws.rs", "jakarta.faces", "jakarta.batch", "jakarta.servlet"));
    }

    @Test
    void syncBatchNeverReachesIntoTheWebLayer() throws IOException {
        assertNoImports("sync-batch", List.of("io.tandem.interfaces", "jakarta.faces", "jakarta.servlet", "jakarta.ws.rs.Path"));
    }

    @Test
    void webTalksOnlyToTheApplicationPackage() throws IOException {
        assertNoImports("web", List.of("io.tandem.domain", "io.tandem.infrastructure", "io.tandem.sync"));
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        assertTrue(sources("domain").size() > 3, "no domain sources found below " + ROOT);
        assertTrue(sources("web").size() > 3);
    }

    private static void assertNoImports(String module, List<String> forbidden) throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources(module)) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(1);
                forbidden.stream().filter(imported::startsWith)
                        .forEach(f -> violations.add(ROOT.relativize(file) + " imports " + imported));
            }
        }
        assertEquals(List.of(), violations, module + " imports against the dependency direction");
    }

    private static List<Path> sources(String module) throws IOException {
        Path dir = ROOT.resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
