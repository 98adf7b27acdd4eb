package io.tandem.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A Salesforce org in one process: {@code java -jar salesforce-emulator.jar --port 8181 --seed demo}, or
 * {@link #start} from a test. Bound to the loopback interface only.
 */
public final class SalesforceEmulator implements AutoCloseable {

    private final HttpServer server;
    private final CountDownLatch closed = new CountDownLatch(1);

    private SalesforceEmulator(HttpServer server) {
        this.server = server;
    }

    public static SalesforceEmulator start(int port, String seed, Path snapshot) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/services/data", SalesforceEmulator::versions);
            server.start();
            return new SalesforceEmulator(server);
        } catch (IOException e) {
            throw new UncheckedIOException("The emulator could not listen on port " + port, e);
        }
    }

    private static void versions(HttpExchange exchange) throws IOException {
        byte[] body = "[{\"label\":\"Spring '25\",\"url\":\"/services/data/v63.0\",\"version\":\"63.0\"}]"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
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
        server.stop(0);
        closed.countDown();
    }

    public static void main(String[] args) {
        int port = 8181;
        String seed = "demo";
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--seed")) {
                seed = args[i + 1];
            }
        }
        SalesforceEmulator emulator = start(port, seed, null);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        emulator.awaitClose();
    }
}
