package io.tandem.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro running Tandem's WAR in a JVM of its own, configured by the boot command file in
 * {@code server-config} and by environment variables, with its output in a log file.
 */
public final class PayaraMicro implements AutoCloseable {

    /** How to run it; {@code extraEnvironment} reaches the application as environment variables. */
    public record Options(int httpPort, String heap, Path runtimeDir, Path logFile,
                          Map<String, String> extraEnvironment, List<String> extraArguments, TlsListener tls) {

        public Options(int httpPort, String heap, Path runtimeDir, Path logFile, Map<String, String> extraEnvironment,
                       List<String> extraArguments) {
            this(httpPort, heap, runtimeDir, logFile, extraEnvironment, extraArguments, null);
        }
    }

    private final Process process;
    private final int httpPort;
    private final Path logFile;

    private PayaraMicro(Process process, int httpPort, Path logFile) {
        this.process = process;
        this.httpPort = httpPort;
        this.logFile = logFile;
    }

    public static PayaraMicro start(TandemHome home, DatabaseTarget db, Options options) {
        endStrays(options.runtimeDir());
        Ports.requireFree(options.httpPort(), "Tandem", "TANDEM_HTTP_PORT");
        String instanceMarker = instanceMarker(options.runtimeDir());
        // the throughput collector: Tandem's heavy work is batch pages (imports, drains), where G1's concurrent
        // threads cost a fifth of an import's speed on two cores (BENCHMARKS.md); pauses on a heap this size stay short.
        // Half the heap young: a page's objects die young, and fewer young collections cut the collector's CPU by
        // a third during an import. One JIT compiler, C2, instead of C1 then C2: tiered compilation compiled an import's
        // hot methods again and again (12 s of compiler CPU in a million-record import, 4 s without), for a start some
        // 3 s slower
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + options.heap(), "-Xss1m", "-XX:+UseParallelGC",
                "-XX:NewRatio=1", "-XX:-TieredCompilation", instanceMarker));
        if (options.tls() != null) {
            try {
                command.add("@" + options.tls().argumentFile(options.runtimeDir().resolveSibling(
                        options.runtimeDir().getFileName() + "-secrets")));
            } catch (IOException e) {
                throw new LaunchException("Could not write the TLS options for Payara Micro: " + e.getMessage());
            }
        }
        command.addAll(List.of(
                "-jar", home.payaraMicroJar().toString(),
                "--deploy", home.war().toString(),
                "--contextroot", "/",
                "--port", Integer.toString(options.httpPort()),
                "--addLibs", home.jdbcDriverJar().toString(),
                "--prebootcommandfile", home.preBootCommands().toString(),
                "--postbootcommandfile", home.bootCommands().toString(),
                "--logProperties", home.loggingProperties().toString(),
                "--rootDir", options.runtimeDir().toAbsolutePath().toString(),
                "--disablephonehome",
                "--nocluster"));
        if (options.tls() != null) {
            command.addAll(List.of("--sslPort", Integer.toString(options.tls().port()), "--sslCert", options.tls().alias()));
        }
        command.addAll(options.extraArguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(environment(db));
        env.putAll(options.extraEnvironment());
        env.putIfAbsent("TANDEM_BIND_ADDRESS", "0.0.0.0");
        try {
            deleteRecursively(options.runtimeDir());
            Files.createDirectories(options.runtimeDir());
            RotatingLog log = new RotatingLog(options.logFile(),
                    megabytes(options.extraEnvironment().getOrDefault("TANDEM_LOG_MAX_MB", "20")),
                    Integer.parseInt(options.extraEnvironment().getOrDefault("TANDEM_LOG_FILES", "5")));
            Process process = builder.start();
            log.pump(process.getInputStream(), "payara-log");
            return new PayaraMicro(process, options.httpPort(), options.logFile());
        } catch (IOException | IllegalArgumentException e) {
            throw new LaunchException("Payara Micro did not start: " + e.getMessage(), e);
        }
    }

    private static long megabytes(String value) {
        return Long.parseLong(value.trim()) * 1024 * 1024;
    }

    /** Ends a Payara Micro that a killed launcher left running on this runtime directory. */
    public static void endStrays(Path runtimeDir) {
        Processes.endStrays("payara-micro", instanceMarker(runtimeDir));
    }

    private static String instanceMarker(Path runtimeDir) {
        return "-Dtandem.instance=" + runtimeDir.toAbsolutePath();
    }

    /** The variables the boot command file and the application read for the database. */
    static Map<String, String> environment(DatabaseTarget db) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TANDEM_DB_URL", db.jdbcUrl());
        env.put("TANDEM_JDBC_URL", db.payaraUrl());
        env.put("TANDEM_DB_USER", db.user());
        env.put("TANDEM_DB_PASSWORD", db.password());
        env.put("TANDEM_DB_SCHEMA", db.schema());
        return env;
    }

    /**
     * Waits until {@code /health/ready} answers UP. Fails early when the server exits, showing the
     * end of its log, which says why.
     */
    public Duration awaitReady(Duration timeout) {
        Instant start = Instant.now();
        Instant bootedAt = null;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
            if (!process.isAlive()) {
                throw new LaunchException("Payara Micro stopped during start-up (exit " + process.exitValue()
                        + "). The end of " + logFile + ":\n" + tail(40));
            }
            if (isUp(http, ready)) {
                return Duration.between(start, Instant.now());
            }
            if (bootedAt == null && tail(200).contains(") ready in ")) {
                bootedAt = Instant.now();
            }
            // deployment follows the boot message; on a loaded machine (a restarted server resuming an import
            // at once) the first ready answer can take a while after it
            if (bootedAt != null && Duration.between(bootedAt, Instant.now()).toSeconds() > 90) {
                throw new LaunchException("Payara Micro started but Tandem is not ready (did the deployment fail?). "
                        + "The end of " + logFile + ":\n" + tail(60));
            }
            pause();
        }
        throw new LaunchException("Tandem was not ready within " + timeout.toSeconds() + " s. The end of "
                + logFile + ":\n" + tail(40));
    }

    private static boolean isUp(HttpClient http, HttpRequest ready) {
        try {
            HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while waiting for Payara Micro");
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Ends the server at once, with no chance to finish anything (SIGKILL), and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            Processes.end(process.toHandle(), Duration.ofSeconds(30));
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
