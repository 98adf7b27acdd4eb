package io.tandem.emulator;

import com.sun.net.httpserver.HttpServer;
import io.tandem.emulator.http.Emulation;
import io.tandem.emulator.http.HttpFront;
import io.tandem.emulator.org.Seeder;
import io.tandem.emulator.org.Snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A Salesforce org in one process: {@code java -jar salesforce-emulator.jar --port 8181 --seed demo
 * [--snapshot file]}, or {@link #start} from a test. Listens on the loopback interface only.
 */
public final class SalesforceEmulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SalesforceEmulator.class.getName());

    private final HttpServer server;
    private final ExecutorService workers;
    private final Emulation emulation;
    private final Path snapshot;
    private final CountDownLatch closed = new CountDownLatch(1);

    private SalesforceEmulator(HttpServer server, ExecutorService workers, Emulation emulation, Path snapshot) {
        this.server = server;
        this.workers = workers;
        this.emulation = emulation;
        this.snapshot = snapshot;
    }

    /**
     * Starts on {@code port} (0 for any free one) with seed {@code demo} (a small realistic org) or
     * {@code none}; with a snapshot file, loads it when present and saves to it on close.
     */
    public static SalesforceEmulator start(int port, String seed, Path snapshot) {
        // without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Emulation emulation = new Emulation();
        if (snapshot != null && Files.exists(snapshot)) {
            emulation.adopt(Snapshot.load(snapshot));
            LOG.info(() -> "Loaded the org from " + snapshot);
        } else if ("demo".equals(seed)) {
            seedDemo(emulation);
        } else if (seed != null && !seed.equals("none")) {
            throw new IllegalArgumentException("--seed takes demo or none, not " + seed);
        }
        ExecutorService workers = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "emulator-http");
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
            server.setExecutor(workers);
            server.createContext("/", new HttpFront(emulation));
            server.start();
            return new SalesforceEmulator(server, workers, emulation, snapshot);
        } catch (IOException e) {
            workers.shutdownNow();
            throw new UncheckedIOException("The emulator could not listen on port " + port, e);
        }
    }

    /** The demo org: a few dozen accounts, contacts and leads, three campaigns, the web-lead queue rule. */
    public static void seedDemo(Emulation emulation) {
        Seeder.seed(emulation.org(), emulation.dml(), emulation.actions(), emulation.users(), 20, 60, 40, 3, 2026);
    }

    public Emulation emulation() {
        return emulation;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (snapshot != null) {
            Snapshot.save(emulation.org(), snapshot);
        }
        closed.countDown();
    }

    public static void main(String[] args) {
        int port = 8181;
        String seed = "demo";
        Path snapshot = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--seed" -> seed = value;
                case "--snapshot" -> snapshot = Path.of(value);
                default -> {
                    System.err.println("usage: salesforce-emulator [--port 8181] [--seed demo|none] [--snapshot file]");
                    System.exit(2);
                }
            }
            i++;
        }
        SalesforceEmulator emulator = start(port, seed, snapshot);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-stop"));
        LOG.info("Salesforce emulator on " + emulator.baseUrl());
        emulator.awaitClose();
    }
}
