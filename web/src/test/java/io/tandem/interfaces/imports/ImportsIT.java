package io.tandem.interfaces.imports;

import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV imports as a Jakarta Batch job: mapping, bad rows reported and skipped, encodings, restart. */
@ExtendWith(TandemServer.class)
class ImportsIT {

    @Test
    void importsGoodRowsAndReportsBadOnesByRowAndColumn(TandemServer.Running tandem) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "\uFEFFEmail,First Name,Last Name,Title\r\n"
                + "a." + tag + "@import.example,Ann,Lee,\"Head of Sales, EMEA\"\r\n"
                + "not-an-email,Bad,Row,x\r\n"
                + "b." + tag + "@import.example,Bo,\"Multi\nLine\",CTO\r\n"
                + "\r\n"
                + "c." + tag + "@import.example,Too,Few\r\n"
                + "A." + tag.toUpperCase() + "@IMPORT.example,,Lee-Updated,\r\n";
        JsonObject done = importAndWait(tandem, csv, null, null);
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(5, done.getInt("totalRows"));
        assertEquals(5, done.getInt("rowsDone"));
        assertEquals(2, done.getInt("created"));
        assertEquals(1, done.getInt("updated"));
        assertEquals(2, done.getInt("failed"));
        JsonArray errors = done.getJsonArray("errors");
        assertEquals(3, errors.getJsonObject(0).getInt("row"));
        assertEquals("Email", errors.getJsonObject(0).getString("column"));
        assertEquals(6, errors.getJsonObject(1).getInt("row"), "the short row: the multi-line record and the blank line count one row each");
        assertTrue(errors.getJsonObject(1).getString("message").contains("cells"));

        JsonObject ann = tandem.admin().get("/api/contacts?email=a." + tag + "@import.example").json().getJsonArray("items").getJsonObject(0);
        assertEquals("Head of Sales, EMEA", ann.getString("title"));
        assertEquals("Ann", ann.getString("firstName"), "an empty cell leaves the field as it was");
        assertEquals("Lee-Updated", ann.getString("lastName"));
        assertEquals("import", ann.getString("systemSource"));
        JsonObject bo = tandem.admin().get("/api/contacts?email=b." + tag + "@import.example").json().getJsonArray("items").getJsonObject(0);
        assertEquals("Multi\nLine", bo.getString("lastName"));
        assertTrue(tandem.database().count("SELECT COUNT(*) FROM outbox WHERE record_type = 'CONTACT' AND record_id = ?",
                ann.getJsonNumber("id").longValue()) >= 1);
        JsonObject execution = tandem.admin().get("/api/sync/jobs/" + done.getJsonNumber("executionId")).json();
        assertEquals("contact-import", execution.getString("job"));
        assertEquals("COMPLETED", execution.getString("status"));
    }

    @Test
    void unknownColumnsNeedAMapping(TandemServer.Running tandem) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "E-Mail Address,Favourite Colour\nm." + tag + "@map.example,teal\n";
        Api.Response refused = tandem.admin().multipart("/api/imports", new Api.Part("file", "c.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("Favourite Colour"));
        JsonObject done = importAndWait(tandem, csv, "{\"E-Mail Address\":\"email\",\"Favourite Colour\":null}", null);
        assertEquals(1, done.getInt("created"), done.toString());
        Api.Response badField = tandem.admin().multipart("/api/imports", new Api.Part("file", "c.csv", csv.getBytes(StandardCharsets.UTF_8)),
                new Api.Part("mapping", null, "{\"E-Mail Address\":\"email\",\"Favourite Colour\":\"colour\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, badField.status());
        assertEquals("mapping.Favourite Colour", badField.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aPreviewSuggestsTheMappingAndItsUploadStartsWithTheMappingChosen(TandemServer.Running tandem) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "Inbox,First Name,Favourite Colour\np." + tag + "@preview.example,Pia,teal\nq." + tag + "@preview.example,Quin,red\n";
        Api.Response preview = tandem.admin().multipart("/api/imports/preview", new Api.Part("file", "people.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, preview.status(), preview.body());
        JsonObject p = preview.json();
        assertEquals(2, p.getInt("rows"));
        assertEquals("firstName", p.getJsonObject("suggested").getString("First Name"));
        assertTrue(p.getJsonObject("suggested").isNull("Inbox") && p.getJsonObject("suggested").isNull("Favourite Colour"),
                "columns that match no field by name are left to choose: " + p);
        assertEquals("Pia", p.getJsonArray("sample").getJsonArray(0).getString(1));
        assertTrue(p.getJsonArray("fields").toString().contains("\"email\""));
        assertEquals(0, tandem.admin().get("/api/contacts?email=p." + tag + "@preview.example").json().getInt("total"), "nothing imported yet");

        String upload = p.getString("upload");
        Api.Part uploadPart = new Api.Part("upload", null, upload.getBytes(StandardCharsets.UTF_8));
        Api.Response wrongMapping = tandem.admin().multipart("/api/imports", uploadPart,
                new Api.Part("mapping", null, "{\"Inbox\":\"colour\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, wrongMapping.status(), wrongMapping.body());
        Api.Response started = tandem.admin().multipart("/api/imports", uploadPart, new Api.Part("fileName", null, "people.csv".getBytes(StandardCharsets.UTF_8)),
                new Api.Part("mapping", null, "{\"Inbox\":\"email\",\"First Name\":\"firstName\",\"Favourite Colour\":null}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(202, started.status(), "the same upload, tried again with a good mapping: " + started.body());
        assertEquals("people.csv", started.json().getString("fileName"));
        long id = started.json().getJsonNumber("id").longValue();
        JsonObject done = Eventually.await(Duration.ofSeconds(60), () -> tandem.admin().get("/api/imports/" + id).json(),
                j -> !j.getString("status").matches("queued|running"));
        assertEquals(2, done.getInt("created"), done.toString());
        assertEquals(409, tandem.admin().multipart("/api/imports", uploadPart).status(), "an upload starts once");
        assertEquals(400, tandem.admin().multipart("/api/imports", new Api.Part("upload", null, "../../etc/passwd".getBytes(StandardCharsets.UTF_8)))
                .status(), "an upload is named by the preview, never a path");
    }

    @Test
    void encodingsAndEmptyFilesGetClearErrors(TandemServer.Running tandem) {
        assertFileError(tandem, "Email,City\nx@latin.example,M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1), "UTF-8");
        assertFileError(tandem, "Email\nx@utf16.example\n".getBytes(StandardCharsets.UTF_16), "UTF-16");
        assertFileError(tandem, new byte[0], "empty");
        assertFileError(tandem, "Email,City\n".getBytes(StandardCharsets.UTF_8), "no rows");
        assertEquals(400, tandem.admin().multipart("/api/imports").status(), "no file part");
    }

    @Test
    void aStoppedImportRestartsFromItsCheckpoint(TandemServer.Running tandem) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("email,firstName\n");
        int rows = 30_000;
        for (int i = 0; i < rows; i++) {
            csv.append("r").append(i).append('.').append(tag).append("@restart.example,R").append(i).append('\n');
        }
        Api.Response started = tandem.admin().multipart("/api/imports", new Api.Part("file", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(202, started.status(), started.body());
        long id = started.json().getJsonNumber("id").longValue();
        Eventually.await(Duration.ofSeconds(60), () -> tandem.admin().get("/api/imports/" + id).json(), j -> j.getInt("rowsDone") > 0);
        tandem.admin().post("/api/imports/" + id + "/stop", "{}");
        JsonObject stopped = Eventually.await(Duration.ofSeconds(60), () -> tandem.admin().get("/api/imports/" + id).json(),
                j -> !j.getString("status").equals("running"));
        assertEquals("stopped", stopped.getString("status"), stopped.toString());
        assertTrue(stopped.getInt("rowsDone") < rows, "stopped part way: " + stopped);
        assertEquals(200, tandem.admin().post("/api/imports/" + id + "/restart", "{}").status());
        JsonObject done = Eventually.await(Duration.ofSeconds(120), () -> tandem.admin().get("/api/imports/" + id).json(),
                j -> j.getString("status").equals("completed"));
        assertEquals(rows, done.getInt("rowsDone"), "no row read twice, none missed: " + done);
        assertEquals(rows, done.getInt("created"));
        assertEquals(rows, tandem.database().count("SELECT COUNT(*) FROM contacts WHERE email_key LIKE ?", "%." + tag + "@restart.example"));
    }

    @Test
    void uploadsAreBoundedOwnerOnlyAndGoneOnceTheImportCompletes(TandemServer.Running tandem) throws Exception {
        // a 2 GB upload is refused on its Content-Length, before the server reads (or stores) any of it
        java.net.URI base = java.net.URI.create(tandem.baseUrl());
        String auth = tandem.admin().request("/api/imports").build().headers().firstValue("Authorization").orElseThrow();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + base.getPath() + "/api/imports HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: " + auth
                    + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 2147483648\r\n\r\n--b\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[1024];
            for (int n; !answer.toString().contains("}]}") && (n = socket.getInputStream().read(buffer)) > 0; ) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 413"), answer.toString());
            assertTrue(answer.toString().contains("TANDEM_IMPORT_MAX_MB"), answer.toString());
        }

        // a quote opened in the third record and never closed: a clear error, not the rest of the file in memory
        StringBuilder unclosed = new StringBuilder("email,title\r\nok@bounded.example,x\r\nnot@bounded.example,\"never closed");
        unclosed.append("y".repeat(200_000)).append("\r\nlast@bounded.example,z\r\n");
        assertFileError(tandem, unclosed.toString().getBytes(StandardCharsets.UTF_8), "record 3: a cell is longer than 65,536 characters");

        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject done = importAndWait(tandem, "email\r\nkept." + tag + "@bounded.example\r\n", null, null);
        assertEquals("completed", done.getString("status"), done.toString());
        java.nio.file.Path stored = java.nio.file.Path.of((String) tandem.database().query("SELECT stored_path FROM imports WHERE id = ?",
                done.getJsonNumber("id").longValue()).get(0).get("stored_path"));
        assertTrue(Eventually.await(Duration.ofSeconds(10), () -> !java.nio.file.Files.exists(stored), gone -> gone),
                "a completed import's upload is deleted: " + stored);
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"),
                java.nio.file.Files.getPosixFilePermissions(stored.getParent()), "the uploads folder is the server user's alone");
    }

    @Test
    void aStoppedImportKeepsItsUploadUntilTheRetentionDaysHavePassed(TandemServer.Running tandem) throws Exception {
        java.nio.file.Path upload = java.nio.file.Files.createTempFile("stopped-import", ".csv");
        java.nio.file.Files.writeString(upload, "email\r\nold@retention.example\r\n");
        java.nio.file.Path recent = java.nio.file.Files.createTempFile("stopped-import", ".csv");
        Database db = tandem.database();
        long old = 8_000_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
        String insert = "INSERT INTO imports (id, file_name, stored_path, mapping, options, status, execution_id, created_by, created_at, "
                + "finished_at) VALUES (?, 'old.csv', ?, '{}', '{}', 'STOPPED', 1, 'admin', ?, ?)";
        db.execute(insert, old, upload.toString(), "2001-05-01 00:00:00", "2001-05-01 00:01:00");
        db.execute(insert, old + 1, recent.toString(), "2001-05-01 00:00:00", "2030-01-01 00:00:00");
        try {
            Api.Response purged = tandem.admin().delete("/api/sync/logs?before=2002-01-01T00:00:00Z");
            assertEquals(200, purged.status(), purged.body());
            assertTrue(purged.json().getInt("importUploads") >= 1, purged.body());
            assertFalse(java.nio.file.Files.exists(upload), "the upload of an import stopped before the cut-off is deleted");
            assertTrue(java.nio.file.Files.exists(recent), "one that ended later is kept for its restart");
            Api.Response restart = tandem.admin().post("/api/imports/" + old + "/restart", "{}");
            assertEquals(409, restart.status(), restart.body());
            assertEquals("file", restart.json().getJsonArray("errors").getJsonObject(0).getString("field"), restart.body());
        } finally {
            db.execute("DELETE FROM imports WHERE id IN (?, ?)", old, old + 1);
            java.nio.file.Files.deleteIfExists(recent);
        }
    }

    private static JsonObject importAndWait(TandemServer.Running tandem, String csv, String mapping, String options) {
        Api.Part file = new Api.Part("file", "contacts.csv", csv.getBytes(StandardCharsets.UTF_8));
        Api.Response r = mapping == null ? tandem.admin().multipart("/api/imports", file)
                : tandem.admin().multipart("/api/imports", file, new Api.Part("mapping", null, mapping.getBytes(StandardCharsets.UTF_8)));
        assertEquals(202, r.status(), r.body());
        long id = r.json().getJsonNumber("id").longValue();
        return Eventually.await(Duration.ofSeconds(60), () -> tandem.admin().get("/api/imports/" + id).json(),
                j -> !j.getString("status").matches("queued|running"));
    }

    private static void assertFileError(TandemServer.Running tandem, byte[] content, String says) {
        Api.Response r = tandem.admin().multipart("/api/imports", new Api.Part("file", "f.csv", content));
        assertEquals(400, r.status(), r.body());
        JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("file", error.getString("field"));
        assertTrue(error.getString("message").contains(says), error.getString("message"));
    }
}
