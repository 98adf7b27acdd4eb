package io.tandem.interfaces;

import io.tandem.testing.Database;
import io.tandem.testing.TandemServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every console page against a large database (./mvnw -B install -DskipTests, then ./mvnw -B verify -Pbench -pl web
 * -Dit.test=PageBenchmark): {@code bench.contacts} contacts (default 100,000, through the batch API) and
 * {@code bench.logEntries} sync-log entries (default 10,000, two records each, written straight to the tables),
 * then each page signed in as an admin, warmed up 3 times and timed 10 times: the median and the slowest,
 * from the request to the last byte of the page (an upper bound of the server's time, on localhost).
 * Fails when a page's median is over 500 ms.
 */
@ExtendWith(TandemServer.class)
class PageBenchmark {

    private static final int TIMED = 10;

    @Test
    void everyPageRendersInUnderHalfASecond(TandemServer.Running tandem) throws Exception {
        int contacts = Integer.getInteger("bench.contacts", 100_000);
        int entries = Integer.getInteger("bench.logEntries", 10_000);
        Database db = tandem.database();
        long t0 = System.nanoTime();
        for (int b = 0; b * 1000 < contacts; b++) {
            StringBuilder batch = new StringBuilder("{\"sync\":\"skip\",\"contacts\":[");
            for (int i = 0; i < 1000 && b * 1000 + i < contacts; i++) {
                int n = b * 1000 + i;
                batch.append(i == 0 ? "" : ",").append("{\"email\":\"page").append(n).append("@bench").append(n % 500)
                        .append(".example\",\"firstName\":\"Page\",\"lastName\":\"Person").append(n).append("\",\"title\":\"Buyer\"}");
            }
            assertEquals(200, tandem.admin().post("/api/contacts/batch", batch.append("]}").toString()).status());
        }
        long someContact = db.count("SELECT MAX(id) FROM contacts");
        long firstLog = db.count("SELECT COALESCE(MAX(id), 0) FROM sync_logs") + 1;
        for (int from = 0; from < entries; from += 1000) {
            StringBuilder logs = new StringBuilder("INSERT INTO sync_logs (id, direction, object, trigger_by, started_at, duration_ms, status,"
                    + " created, updated, unchanged, skipped, failed, conflicts, api_calls) VALUES ");
            StringBuilder records = new StringBuilder("INSERT INTO sync_log_records (log_id, sf_id, contact_id, outcome, reason, detail) VALUES ");
            for (int i = from; i < Math.min(entries, from + 1000); i++) {
                long id = firstLog + i;
                logs.append(i == from ? "" : ",").append("(").append(id).append(i % 2 == 0 ? ",'OUTBOUND','Lead','drain'" : ",'INBOUND','Contact','poll'")
                        .append(",NOW(6) - INTERVAL ").append(entries - i).append(" MINUTE,40,'").append(i % 50 == 0 ? "FAILED" : "COMPLETED")
                        .append("',1,1,0,0,").append(i % 50 == 0 ? 1 : 0).append(",0,1)");
                long contact = someContact - (i % 1000);
                records.append(i == from ? "" : ",").append("(").append(id).append(",'00Q00000000").append(String.format("%07d", i))
                        .append("',").append(contact).append(",'CREATED','created as a Lead','{\"sent\":{\"lastName\":\"Person\"}}'),(")
                        .append(id).append(",NULL,").append(contact - 1000).append(",'UPDATED','sent','{}')");
            }
            db.execute(logs.toString());
            db.execute(records.toString());
        }
        Bench.report("pages", "seeded %,d contacts and %,d sync-log entries in %.0f s (%,d contacts, %,d log entries in all)", contacts, entries,
                (System.nanoTime() - t0) / 1e9, db.count("SELECT COUNT(*) FROM contacts"), db.count("SELECT COUNT(*) FROM sync_logs"));

        HttpClient browser = Pages.browser();
        assertEquals(200, Pages.signIn(browser, tandem.baseUrl(), "admin", TandemServer.ADMIN_PASSWORD).statusCode());
        // a campaign of 1,000 members, for its page
        long type = tandem.admin().post("/api/campaign-types", "{\"name\":\"Page bench\",\"statuses\":[{\"label\":\"Sent\",\"default\":true,"
                + "\"responded\":false},{\"label\":\"Responded\",\"default\":false,\"responded\":true}]}").json().getJsonNumber("id").longValue();
        long campaign = tandem.admin().post("/api/campaigns", "{\"name\":\"Page bench\",\"typeId\":" + type + ",\"salesforce\":{\"mode\":\"none\"}}")
                .json().getJsonNumber("id").longValue();
        StringBuilder members = new StringBuilder("{\"members\":[");
        for (int i = 0; i < 1000; i++) {
            members.append(i == 0 ? "" : ",").append("{\"contactId\":").append(someContact - i).append('}');
        }
        assertEquals(200, tandem.admin().post("/api/campaigns/" + campaign + "/members", members.append("]}").toString()).status());
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/index.xhtml");
        pages.put("contacts", "/contacts.xhtml");
        pages.put("contacts searched", "/contacts.xhtml?q=Person4242");
        pages.put("contact", "/contact.xhtml?id=" + someContact);
        pages.put("sync logs", "/sync-logs.xhtml");
        pages.put("sync logs failed", "/sync-logs.xhtml?status=FAILED");
        pages.put("sync logs of a contact", "/sync-logs.xhtml?contact=" + someContact);
        pages.put("sync log entry", "/sync-logs.xhtml?entry=" + (firstLog + entries - 1));
        pages.put("conflicts", "/conflicts.xhtml");
        pages.put("jobs", "/jobs.xhtml");
        pages.put("fields", "/fields.xhtml");
        pages.put("settings", "/settings.xhtml");
        pages.put("connection", "/connection.xhtml");
        pages.put("campaigns", "/campaigns.xhtml");
        pages.put("campaign (1,000 members)", "/campaign.xhtml?id=" + campaign);
        pages.put("actions", "/actions.xhtml");
        pages.put("workflows", "/workflows.xhtml");
        pages.put("imports", "/imports.xhtml");
        pages.put("users", "/users.xhtml");
        List<String> slow = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(tandem.baseUrl() + page.getValue())).GET().build();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, browser.send(get, HttpResponse.BodyHandlers.ofString()).statusCode(), page.getKey());
            }
            double[] ms = new double[TIMED];
            for (int i = 0; i < TIMED; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = browser.send(get, HttpResponse.BodyHandlers.ofString());
                ms[i] = (System.nanoTime() - s) / 1e6;
                assertTrue(r.statusCode() == 200 && !r.body().contains("Something went wrong"), page.getKey());
            }
            Arrays.sort(ms);
            double median = (ms[TIMED / 2 - 1] + ms[TIMED / 2]) / 2;
            Bench.report("pages", "%-24s median %6.1f ms, slowest %6.1f ms", page.getKey(), median, ms[TIMED - 1]);
            if (median > 500) {
                slow.add(page.getKey() + " " + Math.round(median) + " ms");
            }
        }
        assertTrue(slow.isEmpty(), "pages over 500 ms: " + slow);
    }
}
