package io.tandem.interfaces;

import io.tandem.testing.Api;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Marketing-database throughput on the real stack (./mvnw -B install -DskipTests, then ./mvnw -B verify -Pbench -pl web): the batch
 * upsert API end to end, and a CSV import of {@code bench.rows} rows (default 1,000,000) with the
 * server's heap capped (768 MB in the bench profile), its peak use sampled from /metrics while the import runs.
 */
@ExtendWith(TandemServer.class)
class ContactsBenchmark {

    @Test
    void batchUpsertApi(TandemServer.Running tandem) throws Exception {
        int clients = 2;
        int batches = 40;
        AtomicLong contacts = new AtomicLong();
        warmUp(tandem);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int b = client; b < batches; b += clients) {
                    Api.Response r = tandem.admin().post("/api/contacts/batch", batch(b, 1000, "api"));
                    assertEquals(200, r.status(), r.body());
                    contacts.addAndGet(1000);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Bench.report("batch-api", "%d new contacts in %d batches of 1,000 over %d clients: %.1f s, %.0f contacts/s",
                contacts.get(), batches, clients, seconds, contacts.get() / seconds);
        long u0 = System.nanoTime();
        for (int b = 0; b < 10; b++) {
            assertEquals(200, tandem.admin().post("/api/contacts/batch", batch(b, 1000, "api-update")).status());
        }
        double updateSeconds = (System.nanoTime() - u0) / 1e9;
        Bench.report("batch-api", "10,000 updates of existing contacts: %.0f contacts/s", 10_000 / updateSeconds);
        assertTrue(contacts.get() / seconds >= 2000, "batch upsert at 2,000 contacts/s or more");
    }

    @Test
    void csvImport(TandemServer.Running tandem) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        Path csv = Files.createTempFile("tandem-bench", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("email,firstName,lastName,title,city,country\n");
            for (int i = 0; i < rows; i++) {
                w.write("person" + i + "@company" + (i % 5000) + ".example,First" + i + ",Last" + (i % 977)
                        + ",Engineer,Berlin,Germany\n");
            }
        }
        long t0 = System.nanoTime();
        Api.Response started = tandem.admin().multipart("/api/imports", new Api.Part("file", "bench.csv", Files.readAllBytes(csv)));
        assertEquals(202, started.status(), started.body());
        double uploadSeconds = (System.nanoTime() - t0) / 1e9;
        long id = started.json().getJsonNumber("id").longValue();
        double[] peakHeap = {0};
        JsonObject done = Eventually.await(Duration.ofMinutes(20), () -> {
            peakHeap[0] = Math.max(peakHeap[0], Bench.usedHeap(tandem));
            return tandem.admin().get("/api/imports/" + id).json();
        }, j -> !j.getString("status").matches("queued|running"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.delete(csv);
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(rows, done.getInt("created"));
        Bench.report("csv", "%,d rows in %.1f s (upload and checks %.1f s): %.0f rows/s; peak used heap %.0f MB of -Xmx%s",
                rows, seconds, uploadSeconds, rows / seconds, peakHeap[0] / 1e6, System.getProperty("tandem.it.heap"));
        assertTrue(rows / seconds >= 5000, "CSV import at 5,000 rows/s or more");
    }

    private static void warmUp(TandemServer.Running tandem) {
        for (int b = 0; b < 3; b++) {
            tandem.admin().post("/api/contacts/batch", batch(b, 1000, "warm"));
        }
    }

    private static String batch(int b, int size, String tag) {
        StringBuilder sb = new StringBuilder(size * 120).append("{\"contacts\":[");
        for (int i = 0; i < size; i++) {
            int n = b * size + i;
            sb.append(i == 0 ? "" : ",").append("{\"email\":\"").append("bench").append(n).append("@").append(tag.startsWith("api") ? "api" : tag)
                    .append(n % 300).append(".example\",\"firstName\":\"F").append(n).append("\",\"lastName\":\"").append(tag)
                    .append("\",\"title\":\"Buyer\",\"leadScore\":").append(n % 100).append('}');
        }
        return sb.append("]}").toString();
    }
}
