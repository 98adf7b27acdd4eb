package io.tandem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependency direction, read from the sources so a wrong import fails the build before anything
 * runs. Between modules: web uses only sync-batch's application package, sync-batch never web, the
 * domain neither, and the domain no HTTP, pages or batch API. Inside sync-batch: application (use cases)
 * → sync (engine) → domain ports ← infrastructure (JPA, JDBC, Salesforce HTTP); only infrastructure
 * touches JDBC, SQL or the Salesforce client. Inside the domain: no cycle between packages.
 */
class ArchitectureTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** SQL written as a Java string: a statement's opening words right after a quote (JPQL named queries aside). */
    private static final Pattern SQL = Pattern.compile("(?<!query = )\"\\s*(SELECT\\s+\\S|INSERT\\s+INTO\\s|UPDATE\\s+\\w+\\s+SET\\s|DELETE\\s+FROM\\s|DO\\s+\\w+\\()",
            Pattern.CASE_INSENSITIVE);
    private static final Path ROOT = Path.of(System.getProperty("tandem.home", "..")).toAbsolutePath();
    private static final String SYNC_BATCH = "sync-batch";

    /** JPA's converter for instants maps to {@code java.sql.Timestamp}: the one JDBC type the domain names. */
    @Test
    void domainDependsOnNothingOfOursAndOnNoOuterApi() throws IOException {
        assertNoImports("domain", "", List.of("io.tandem.application", "io.tandem.infrastructure", "io.tandem.sync",
                "io.tandem.interfaces", "jakarta.ws.rs", "jakarta.faces", "jakarta.batch", "jakarta.servlet", "javax.sql",
                "java.sql.Connection", "java.sql.PreparedStatement", "java.sql.ResultSet", "java.sql.Statement"));
    }

    @Test
    void syncBatchNeverReachesIntoTheWebLayer() throws IOException {
        assertNoImports(SYNC_BATCH, "", List.of("io.tandem.interfaces", "jakarta.faces", "jakarta.servlet", "jakarta.ws.rs.Path"));
    }

    @Test
    void webTalksOnlyToTheApplicationPackage() throws IOException {
        assertNoImports("web", "", List.of("io.tandem.domain", "io.tandem.infrastructure", "io.tandem.sync"));
    }

    @Test
    void theEngineNeverCallsUpIntoTheUseCases() throws IOException {
        assertNoImports(SYNC_BATCH, "io.tandem.sync", List.of("io.tandem.application"));
    }

    /**
     * The use cases and the engine reach storage and Salesforce through the domain's ports. The CSV
     * format reader is the one shared piece: plain parsing without I/O, used by the Bulk API's results and
     * by CSV uploads alike.
     */
    @Test
    void onlyInfrastructureTouchesJdbcOrTheSalesforceClient() throws IOException {
        List<String> forbidden = List.of("java.sql", "javax.sql", "io.tandem.infrastructure.persistence",
                "io.tandem.infrastructure.salesforce", "io.tandem.infrastructure.crypto");
        assertNoImports(SYNC_BATCH, "io.tandem.sync", forbidden);
        assertNoImports(SYNC_BATCH, "io.tandem.application", forbidden);
    }

    @Test
    void adaptersDependOnTheDomainOnly() throws IOException {
        assertNoImports(SYNC_BATCH, "io.tandem.infrastructure", List.of("io.tandem.application", "io.tandem.sync"));
    }

    @Test
    void sqlIsWrittenOnlyInInfrastructure() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String module : List.of("domain", SYNC_BATCH)) {
            for (Path file : sources(module)) {
                String text = Files.readString(file);
                if (!packageOf(text).startsWith("io.tandem.infrastructure")) {
                    Matcher m = SQL.matcher(text);
                    while (m.find()) {
                        violations.add(ROOT.relativize(file) + " writes SQL: " + m.group().trim());
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "SQL outside infrastructure");
    }

    @Test
    void domainPackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : sources("domain")) {
            String text = Files.readString(file);
            String own = packageOf(text);
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = m.group(1);
                if (imported.startsWith("io.tandem.domain.")) {
                    String target = imported.substring(0, imported.lastIndexOf('.'));
                    if (!target.equals(own) && !Character.isUpperCase(target.charAt(target.lastIndexOf('.') + 1))) {
                        uses.computeIfAbsent(own, k -> new TreeSet<>()).add(target);
                    }
                }
            }
        }
        assertEquals(List.of(), cycles(uses), "domain packages that depend on each other in a circle");
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        assertTrue(sources("domain").size() > 3, "no domain sources found below " + ROOT);
        assertTrue(sources("web").size() > 3);
        assertTrue(sources(SYNC_BATCH).stream().anyMatch(p -> p.toString().contains("/sync/")));
    }

    /** Every cycle as the path that closes it, found by a depth-first walk from each package. */
    static List<String> cycles(Map<String, Set<String>> uses) {
        List<String> found = new ArrayList<>();
        for (String start : uses.keySet()) {
            walk(start, start, uses, new ArrayList<>(List.of(start)), new HashSet<>(), found);
        }
        return found;
    }

    private static void walk(String start, String at, Map<String, Set<String>> uses, List<String> path, Set<String> seen,
                             List<String> found) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                found.add(String.join(" → ", path) + " → " + start);
            } else if (seen.add(next) && next.compareTo(start) > 0) {
                path.add(next);
                walk(start, next, uses, path, seen, found);
                path.remove(path.size() - 1);
            }
        }
    }

    /** Imports of the module's sources in packages starting with {@code within} that start with a forbidden prefix. */
    private static void assertNoImports(String module, String within, List<String> forbidden) throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources(module)) {
            String text = Files.readString(file);
            if (!packageOf(text).startsWith(within)) {
                continue;
            }
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = m.group(1);
                forbidden.stream().filter(imported::startsWith)
                        .forEach(f -> violations.add(ROOT.relativize(file) + " imports " + imported));
            }
        }
        assertEquals(List.of(), violations, module + (within.isEmpty() ? "" : " (" + within + ")")
                + " imports against the dependency direction");
    }

    private static String packageOf(String source) {
        Matcher m = PACKAGE.matcher(source);
        return m.find() ? m.group(1) : "";
    }

    private static List<Path> sources(String module) throws IOException {
        Path dir = ROOT.resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
