package io.tandem.interfaces;

import io.tandem.infrastructure.persistence.jdbc.LoadDataInsert;
import io.tandem.testing.Api;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * Contacts, 30% Leads) with the server heap at 768 MB, against a raw JDBC batch insert of the same rows (the
 * rows the import makes of those records, {@link RawRows#madeOf}) into tables of the same definition in the same
 * run (timed just before and just after the import, their mean the baseline; the synthetic rows of earlier
 * rounds are timed beside them); then 10,000 records edited in Salesforce and the time until the product's 60 s poll
 * has applied them all, and a re-import over the full database.
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
        int customFields = Integer.getInteger("bench.customFields", 0);
        Bench.mapCustomFields(tandem, sf, customFields);
        long s0 = System.nanoTime();
        Api.Response seeded = sf.post("/__emulator/seed", "{\"accounts\":" + accounts + ",\"contacts\":" + contacts + ",\"leads\":"
                + leads + ",\"seed\":3}");
        assertEquals(200, seeded.status(), seeded.body());
        Bench.report("inbound", "emulator seeded with %,d records in %.1f s", total, (System.nanoTime() - s0) / 1e9);

        // the baseline: the rows the import makes of these records, sent by a plain JDBC batch of single-row inserts; the
        // synthetic rows of earlier rounds (keys in order) and LOAD DATA are timed for comparison
        RawRows same = tandem.emulator().emulation().org().read(() -> RawRows.madeOf(tandem.emulator().emulation().org(), Instant.now()));
        Bench.report("inbound", "the same rows: the emulator's %,d records as %,d companies and %,d contacts, as the import makes them",
                same.records(), same.companies().size(), same.contacts().size());
        double rawPerSecond = rawJdbcInsert(tandem, "single-row batches of the same rows", InboundBenchmark::batched, same);
        double synthetic = rawJdbcInsert(tandem, "single-row batches of synthetic rows (keys in order, the baseline of rounds one to seven)",
                InboundBenchmark::batched, RawRows.synthetic(accounts, contacts + leads, leads, Instant.now()));
        double loadData = rawJdbcInsert(tandem, "LOAD DATA LOCAL of the same rows (as Tandem inserts new rows)", InboundBenchmark::loadData,
                same);
        Bench.report("inbound", "the raw baseline below: the single-row JDBC batches of the same rows (the synthetic rows at %.0f%% of "
                + "their speed, LOAD DATA at %.0f%%)", 100 * synthetic / rawPerSecond, 100 * loadData / rawPerSecond);

        tandem.inboundReading(true);
        String initial = "initial import into an empty database";
        double perSecond = timedImport(tandem, sf, initial);
        // the same baseline again right after the import: this machine's speed drifts by a fifth between runs, so the
        // import is measured against the mean of the baseline just before and just after it
        quietDatabase(tandem);
        double rawAfter = rawJdbcInsert(tandem, "single-row batches of the same rows, again after the import", InboundBenchmark::batched,
                same);
        double raw = (rawPerSecond + rawAfter) / 2;
        Bench.report("inbound", "the raw baseline: single-row JDBC batches of the same rows at %,.0f records/s before the import and "
                + "%,.0f after it, mean %,.0f", rawPerSecond, rawAfter, raw);
        ratio(initial, perSecond, raw);
        Bench.report("inbound", "%s against the synthetic rows' single-row batches (%,.0f records/s, before the import only): %.0f%% of it",
                initial, synthetic, 100 * perSecond / synthetic);

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
        String reimport = "re-import (fresh=true) over a database holding every record";
        double again = timedImport(tandem, sf, reimport);
        ratio(reimport, again, raw);
        int floor = customFields > 0 ? 4000 : 5000;
        assertTrue(perSecond >= floor, "import at " + floor + " records/s or more");
        assertTrue(again > 0);
        assertTrue(applied <= Integer.parseInt(System.getProperty("tandem.it.pollSeconds", "2")) + 30, "applied within a poll interval + 30 s");
    }

    /** A fresh import, timed from its start to COMPLETED; answers records/s. */
    private static double timedImport(TandemServer.Running tandem, Api sf, String what) {
        quietDatabase(tandem);
        sf.delete("/__emulator/calls");
        WorkMeter work = WorkMeter.start(tandem);
        long t0 = System.nanoTime();
        String chunk = System.getProperty("bench.chunkSize");
        Api.Response started = tandem.importAfresh(chunk == null ? "{}" : "{\"chunkSize\":\"" + chunk + "\"}");
        assertEquals(202, started.status(), started.body());
        double[] peakHeap = {0};
        // probed once a second: every status and heap read is work the server does besides the import
        JsonObject done = Eventually.await(Duration.ofMinutes(30), Duration.ofSeconds(1), () -> {
            peakHeap[0] = Math.max(peakHeap[0], Bench.usedHeap(tandem));
            return tandem.admin().get("/api/sync/import").json();
        }, s -> !s.getString("status").equals("RUNNING"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        long records = done.getJsonNumber("done").longValue();
        work.report(what, records);
        double perSecond = records / seconds;
        int calls = sf.get("/__emulator/calls").json().getInt("apiCalls");
        Bench.report("inbound", "%s: %,d records in %.1f s = %,.0f records/s, %d API calls; peak used heap %.0f MB of -Xmx%s",
                what, records, seconds, perSecond, calls, peakHeap[0] / 1e6, System.getProperty("tandem.it.heap"));
        return perSecond;
    }

    private static void ratio(String what, double perSecond, double rawPerSecond) {
        Bench.report("inbound", "%s against the raw JDBC batch insert of the same rows (%,.0f records/s): Tandem at %.0f%% of it",
                what, rawPerSecond, 100 * perSecond / rawPerSecond);
    }

    /**
     * Lets MariaDB write out the pages the step before left dirty (the raw insert's rows, an import's), so
     * that a timed import does not pay for the step before it; the raw insert starts from a quiet database too.
     */
    private static void quietDatabase(TandemServer.Running tandem) {
        var db = tandem.database();
        Object kept = db.query("SELECT @@GLOBAL.innodb_max_dirty_pages_pct AS pct").get(0).get("pct");
        long t0 = System.nanoTime();
        db.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
        try {
            Eventually.await(Duration.ofMinutes(5), Duration.ofSeconds(1), () -> Long.parseLong(String.valueOf(db.query(
                    "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'").get(0).values().toArray()[1])), dirty -> dirty < 500);
        } finally {
            db.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + kept);
        }
        Bench.report("inbound", "MariaDB wrote out its dirty pages in %.1f s before the next step", (System.nanoTime() - t0) / 1e9);
    }

    /** Where the raw insert sends its rows: single-row inserts in JDBC batches, multi-row statements, or LOAD DATA. */
    private interface Rows extends AutoCloseable {
        void add(Object... values) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** What a way in does with the rows: take one, send what it holds, let go of its statement. */
    private interface Sink {
        void add(Object... values) throws SQLException;

        void send() throws SQLException;

        void end() throws SQLException;
    }

    /** The rows sent and committed every 2,000. */
    private static Rows committedEvery2000(Connection c, Sink sink) {
        return new Rows() {
            private int n;

            @Override
            public void add(Object... values) throws SQLException {
                sink.add(values);
                if (++n % 2000 == 0) {
                    sink.send();
                    c.commit();
                }
            }

            @Override
            public void close() throws SQLException {
                sink.send();
                c.commit();
                sink.end();
            }
        };
    }

    /** Single-row inserts in JDBC batches of 2,000 (outside Payara the driver sends these with its bulk protocol). */
    private static Rows batched(Connection c, String table, String... columns) throws SQLException {
        PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.length - 1) + "?)");
        return committedEvery2000(c, new Sink() {
            @Override
            public void add(Object... values) throws SQLException {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i] instanceof Instant t ? Timestamp.from(t) : values[i]);
                }
                ps.addBatch();
            }

            @Override
            public void send() throws SQLException {
                ps.executeBatch();
            }

            @Override
            public void end() throws SQLException {
                ps.close();
            }
        });
    }

    /** LOAD DATA LOCAL INFILE from memory ({@link LoadDataInsert}), as Tandem inserts an import page's new rows. */
    private static Rows loadData(Connection c, String table, String... columns) {
        LoadDataInsert rows = new LoadDataInsert(c, table, columns);
        return committedEvery2000(c, new Sink() {
            @Override
            public void add(Object... values) {
                rows.add(values);
            }

            @Override
            public void send() throws SQLException {
                rows.finish();
            }

            @Override
            public void end() {
                rows.close();
            }
        });
    }

    private interface RowsFactory {
        Rows open(Connection c, String table, String... columns) throws SQLException;
    }

    /**
     * The physical limit here: the rows, committed every 2,000, into copies of the tables; answers records/s
     * (Accounts + Contacts + Leads, as the import counts them).
     */
    private static double rawJdbcInsert(TandemServer.Running tandem, String how, RowsFactory sink, RawRows raw) throws Exception {
        var target = tandem.db().target();
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw_companies LIKE companies");
            s.execute("CREATE TABLE raw_contacts LIKE contacts");
            // LIKE copies columns, keys and checks but not foreign keys: the contacts' company is checked as in Tandem's table
            s.execute("ALTER TABLE raw_contacts ADD CONSTRAINT fk_raw_contacts_company FOREIGN KEY (company_id) REFERENCES raw_companies (id)");
            c.setAutoCommit(false);
            WorkMeter work = WorkMeter.start(tandem);
            long t0 = System.nanoTime();
            try (Rows rows = sink.open(c, "raw_companies", RawRows.COMPANY_COLUMNS)) {
                for (Object[] row : raw.companies()) {
                    rows.add(row);
                }
            }
            try (Rows rows = sink.open(c, "raw_contacts", RawRows.CONTACT_COLUMNS)) {
                for (Object[] row : raw.contacts()) {
                    rows.add(row);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            work.report("raw JDBC, " + how, raw.records());
            c.setAutoCommit(true);
            s.execute("DROP TABLE raw_contacts");
            s.execute("DROP TABLE raw_companies");
            Bench.report("inbound", "raw JDBC, %s: %,d rows (%,d companies, %,d contacts) in %.1f s = %,.0f records/s", how,
                    raw.companies().size() + raw.contacts().size(), raw.companies().size(), raw.contacts().size(), seconds,
                    raw.records() / seconds);
            return raw.records() / seconds;
        }
    }
}
