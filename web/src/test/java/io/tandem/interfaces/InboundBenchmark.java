package io.tandem.interfaces;

import io.tandem.testing.Api;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Salesforce → Tandem throughput (./mvnw -B verify -Pbench -pl web -Dit.test=InboundBenchmark): the
 * initial import of {@code bench.inbound} emulator records (default 1,000,000: 20% Accounts, 50%
 * Contacts, 30% Leads) with the server heap at 768 MB, against a raw JDBC batch insert of the same rows
 * into tables of the same definition in the same run; then 10,000 records edited in Salesforce and the
 * time until the product's 60 s poll has applied them all.
 */
@ExtendWith(TandemServer.class)
class InboundBenchmark {

    @Test
    void initialImportAndPoll(TandemServer.Running tandem) throws Exception {
        int total = Integer.getInteger("bench.inbound", 1_000_000);
        int accounts = total / 5;
        int contacts = total / 2;
        int leads = total - accounts - contacts;
        // neither the import the server starts by itself at its first poll nor its polls read what is seeded here
        tandem.ownImportSettled();
        tandem.inboundReading(false);
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        sf.post("/__emulator/reset", "{}");
        long s0 = System.nanoTime();
        Api.Response seeded = sf.post("/__emulator/seed", "{\"accounts\":" + accounts + ",\"contacts\":" + contacts + ",\"leads\":"
                + leads + ",\"seed\":3}");
        assertEquals(200, seeded.status(), seeded.body());
        Bench.report("inbound", "emulator seeded with %,d records in %.1f s", total, (System.nanoTime() - s0) / 1e9);

        double rawPerSecond = rawJdbcInsert(tandem, accounts, contacts + leads, leads);

        tandem.inboundReading(true);
        double perSecond = timedImport(tandem, sf, "initial import into an empty database", rawPerSecond);

        List<String> edited = tandem.database().query("SELECT sf_id FROM contacts WHERE sf_type = 'CONTACT' ORDER BY id LIMIT 10000")
                .stream().map(r -> (String) r.get("sf_id")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long e0 = System.nanoTime();
        List<Future<?>> edits = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int from = t;
            edits.add(pool.submit(() -> {
                for (int i = from; i < edited.size(); i += 4) {
                    sf.patch("/__emulator/as-rep/Contact/" + edited.get(i), "{\"Title\":\"Bench edit " + i + "\"}");
                }
            }));
        }
        for (Future<?> f : edits) {
            f.get();
        }
        pool.shutdown();
        Instant editsDone = Instant.now();
        double editSeconds = (System.nanoTime() - e0) / 1e9;
        Eventually.await(Duration.ofSeconds(200), () -> tandem.database().count("SELECT COUNT(*) FROM contacts WHERE title LIKE 'Bench edit %'"),
                n -> n == edited.size());
        double applied = Duration.between(editsDone, Instant.now()).toMillis() / 1000.0;
        Bench.report("inbound", "%,d records edited in Salesforce (%.1f s of edits) all applied %.1f s after the last edit "
                + "(poll every %s s; budget one interval + 30 s)", edited.size(), editSeconds, applied, System.getProperty("tandem.it.pollSeconds"));
        double again = timedImport(tandem, sf, "re-import (fresh=true) over a database holding every record", rawPerSecond);
        assertTrue(perSecond >= 5000, "import at 5,000 records/s or more");
        assertTrue(again > 0);
        assertTrue(applied <= Integer.parseInt(System.getProperty("tandem.it.pollSeconds", "2")) + 30, "applied within a poll interval + 30 s");
    }

    /** A fresh import, timed from its start to COMPLETED, reported against the raw insert; answers records/s. */
    private static double timedImport(TandemServer.Running tandem, Api sf, String what, double rawPerSecond) {
        sf.delete("/__emulator/calls");
        long t0 = System.nanoTime();
        Api.Response started = tandem.importAfresh("{}");
        assertEquals(202, started.status(), started.body());
        double[] peakHeap = {0};
        JsonObject done = Eventually.await(Duration.ofMinutes(30), () -> {
            peakHeap[0] = Math.max(peakHeap[0], Bench.usedHeap(tandem));
            return tandem.admin().get("/api/sync/import").json();
        }, s -> !s.getString("status").equals("RUNNING"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        long records = done.getJsonNumber("done").longValue();
        double perSecond = records / seconds;
        int calls = sf.get("/__emulator/calls").json().getInt("apiCalls");
        Bench.report("inbound", "%s: %,d records in %.1f s = %,.0f records/s, %d API calls; peak used heap %.0f MB of -Xmx%s",
                what, records, seconds, perSecond, calls, peakHeap[0] / 1e6, System.getProperty("tandem.it.heap"));
        Bench.report("inbound", "%s against the raw JDBC batch insert of the same rows (%,.0f records/s): Tandem at %.0f%% of it",
                what, rawPerSecond, 100 * perSecond / rawPerSecond);
        return perSecond;
    }

    /** Adds the row to the batch; every 2,000 rows sends the batch and commits. */
    private static void addToBatch(PreparedStatement ps, Connection c, int i) throws java.sql.SQLException {
        ps.addBatch();
        if (i % 2000 == 1999) {
            ps.executeBatch();
            c.commit();
        }
    }

    /** The physical limit here: the same rows, batched by 2,000 per statement batch and commit, into copies of the tables. */
    private static double rawJdbcInsert(TandemServer.Running tandem, int accounts, int people, int leads) throws Exception {
        var target = tandem.db().target();
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw_companies LIKE companies");
            s.execute("CREATE TABLE raw_contacts LIKE contacts");
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            String state = "{\"firstName\":{\"at\":\"2026-01-01T00:00:00Z\",\"by\":\"salesforce\",\"base\":\"Ada\",\"baseAt\":\"2026-01-01T00:00:00Z\"},"
                    + "\"lastName\":{\"at\":\"2026-01-01T00:00:00Z\",\"by\":\"salesforce\",\"base\":\"Bauer\",\"baseAt\":\"2026-01-01T00:00:00Z\"}}";
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_companies (id, name, domain, website, standalone, sf_account_id, "
                    + "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                for (int i = 0; i < accounts + leads; i++) {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "Company " + i);
                    ps.setString(3, "company" + i + ".example");
                    ps.setString(4, i < accounts ? "https://www.company" + i + ".example" : null);
                    ps.setBoolean(5, i >= accounts);
                    ps.setString(6, i < accounts ? String.format("001RAW%012d", i) : null);
                    ps.setTimestamp(7, now);
                    ps.setTimestamp(8, now);
                    addToBatch(ps, c, i);
                }
                ps.executeBatch();
                c.commit();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_contacts (id, email, email_key, first_name, last_name, title, "
                    + "city, country, company_id, system_source, sync_on_create, sf_id, sf_type, sf_deleted, sf_modified_at, field_state, "
                    + "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SALESFORCE', 'NOW', ?, 'CONTACT', FALSE, ?, ?, ?, ?, 1)")) {
                for (int i = 0; i < people; i++) {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "person" + i + "@company" + (i % 5000) + ".example");
                    ps.setString(3, "person" + i + "@company" + (i % 5000) + ".example");
                    ps.setString(4, "Ada");
                    ps.setString(5, "Bauer");
                    ps.setString(6, "Marketing Manager");
                    ps.setString(7, "Berlin");
                    ps.setString(8, "Germany");
                    ps.setLong(9, i % (accounts + leads) + 1);
                    ps.setString(10, String.format("003RAW%012d", i));
                    ps.setTimestamp(11, now);
                    ps.setString(12, state);
                    ps.setTimestamp(13, now);
                    ps.setTimestamp(14, now);
                    addToBatch(ps, c, i);
                }
                ps.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.setAutoCommit(true);
            s.execute("DROP TABLE raw_contacts");
            s.execute("DROP TABLE raw_companies");
            int rows = accounts + leads + people;
            Bench.report("inbound", "raw JDBC: %,d rows (%,d companies, %,d contacts) in %.1f s", rows, accounts + leads, people, seconds);
            return (accounts + people) / seconds;
        }
    }
}
