package io.tandem.interfaces.console;

import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in headless Chromium (Debian's chromium and chromedriver, which the build installs): signing
 * in and every page rendering; a field's mode changed on the Fields page, a failed record drilled into on
 * the Sync logs page and replayed there, and the next sync sending it as the new mode says; the Salesforce
 * import started on the Jobs page with its progress bar reaching done; a viewer finding no button that
 * changes anything. Each page's screenshot lands in {@code target/screenshots}.
 */
@ExtendWith(TandemServer.class)
class ConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SHOTS = Path.of("target", "screenshots");

    private WebDriver browser;

    @BeforeEach
    void open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signedInEveryPageRenders(TandemServer.Running tandem) {
        tandem.admin().post("/api/contacts?sync=skip", "{\"email\":\"page." + UUID.randomUUID().toString().substring(0, 8)
                + "@console-it.example\",\"firstName\":\"Paige\"}");
        signIn(tandem, "admin", TandemServer.ADMIN_PASSWORD);
        assertTrue(browser.findElement(By.id("drain-ticks")).isDisplayed());
        assertFalse(browser.findElements(By.cssSelector("canvas")).isEmpty(), "the history charts");
        assertTrue(browser.findElement(By.id("limits:save-limits")).isDisplayed(), "an admin edits the limits in place");
        assertEquals(List.of(), unlabelledControls(), "overview: every control has a label a screen reader reads");
        shot("overview");
        for (String page : List.of("contacts", "sync-logs", "jobs", "fields", "conflicts", "campaigns", "actions", "workflows", "settings", "connection", "users", "imports")) {
            browser.get(tandem.baseUrl() + "/" + page + ".xhtml");
            assertTrue(browser.findElement(By.tagName("h1")).isDisplayed(), page);
            assertEquals(List.of(), unlabelledControls(), page + ": every control has a label a screen reader reads");
            shot(page);
        }
        browser.get(tandem.baseUrl() + "/contacts.xhtml");
        WebElement first = waitFor(WAIT, d -> d.findElements(By.cssSelector("a.contact-link")).stream().findFirst().orElse(null));
        first.click();
        assertTrue(browser.findElement(By.id("email")).getText().contains("@"));
        assertTrue(browser.findElement(By.id("provenance")).isDisplayed());
        assertTrue(browser.findElement(By.id("sync-history")).isDisplayed());
        assertEquals(List.of(), unlabelledControls(), "contact: every control has a label");
        shot("contact");
        long sent = tandem.admin().post("/api/contacts", "{\"email\":\"linked." + UUID.randomUUID().toString().substring(0, 8)
                + "@console-it.example\",\"lastName\":\"Linked\"}").json().getJsonNumber("id").longValue();
        String sfId = tandem.database().awaitLinked(sent, WAIT);
        browser.get(tandem.baseUrl() + "/contact.xhtml?id=" + sent);
        assertEquals(tandem.emulator().baseUrl() + "/" + sfId, browser.findElement(By.id("open-in-salesforce")).getAttribute("href"),
                "a link into the org");
        browser.findElement(By.id("all-batches")).click();
        assertTrue(browser.getCurrentUrl().contains("sync-logs.xhtml?contact="), "the contact's batches, filtered");
        browser.get(tandem.baseUrl() + "/api.html");
        try {
            waitFor(Duration.ofSeconds(20), d -> !d.findElements(By.cssSelector(".swagger-ui .info .title")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.manage().logs().get("browser").forEach(l -> System.out.println("BROWSER " + l));
            shot("api");
            throw e;
        }
        shot("api");
        String title = browser.findElement(By.cssSelector(".swagger-ui .info .title")).getAttribute("textContent");
        assertTrue(title.contains("Tandem"), title);
        assertFalse(browser.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty(), "the operations are listed");
    }

    @Test
    void aModeChangedOnThePageAndAFailedRecordReplayedFromItsLog(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String field = "custom.code" + tag;
        assertEquals(201, tandem.admin().post("/api/fields", "{\"name\":\"code" + tag + "\",\"label\":\"Code\",\"type\":\"text\"}").status());
        for (String object : List.of("Lead", "Contact")) {
            assertEquals(201, sf.post("/__emulator/fields", "{\"object\":\"" + object + "\",\"name\":\"Code" + tag + "__c\",\"type\":\"string\","
                    + "\"length\":10}").status());
        }
        assertEquals(201, tandem.admin().post("/api/settings/field-mappings", "{\"field\":\"" + field + "\",\"lead\":\"Code" + tag + "__c\","
                + "\"contact\":\"Code" + tag + "__c\",\"mode\":\"two_way\"}").status());
        try {
            long contact = tandem.admin().post("/api/contacts", "{\"email\":\"long." + tag + "@console-it.example\",\"customFields\":{\"code" + tag
                    + "\":\"ABCDEFGHIJKLMNOP\"}}").json().getJsonNumber("id").longValue();
            Map<String, Object> failed = Eventually.await(WAIT, () -> db.query("SELECT o.log_id FROM outbox o WHERE o.record_type = 'CONTACT' "
                    + "AND o.record_id = ? AND o.status = 'FAILED'", contact), rows -> !rows.isEmpty()).get(0);

            signIn(tandem, "admin", TandemServer.ADMIN_PASSWORD);
            // the mode, changed on the Fields page: Salesforce's value wins, Tandem's is no longer sent
            browser.get(tandem.baseUrl() + "/fields.xhtml");
            WebElement row = browser.findElement(By.xpath("//tr[.//span[@class='field' and text()='" + field + "']]"));
            new Select(row.findElement(By.cssSelector("select"))).selectByVisibleText("always_salesforce");
            row.findElement(By.xpath(".//button[.//span[text()='Save']]")).click();
            Eventually.await(WAIT, () -> tandem.admin().get("/api/settings/field-mappings").json().getJsonArray("items").getValuesAs(
                    jakarta.json.JsonObject.class).stream().filter(m -> m.getString("field").equals(field)).findFirst().orElseThrow()
                    .getString("mode"), "always_salesforce"::equals);
            shot("fields-mode-changed");

            // the failed record, drilled into and replayed from its batch's page
            browser.get(tandem.baseUrl() + "/sync-logs.xhtml?entry=" + failed.get("log_id"));
            WebElement failedRow = browser.findElement(By.cssSelector("tr.outcome-FAILED"));
            assertTrue(failedRow.getText().contains("holds at most 10 characters"), failedRow.getText());
            shot("sync-log-failed");
            failedRow.findElement(By.cssSelector("input.replay-one")).click();
            shot("sync-log-replayed");
            assertTrue(browser.getPageSource().contains("queued again"), "the page says so");
            String lead = db.awaitLinked(contact, WAIT);
            assertTrue(sf.get("/__emulator/records/" + lead).json().isNull("Code" + tag + "__c"), "sent as the new mode says: without the code");
            browser.get(tandem.baseUrl() + "/contact.xhtml?id=" + contact);
            assertTrue(browser.findElement(By.id("salesforce")).getText().contains(lead));
        } finally {
            tandem.admin().delete("/api/settings/field-mappings/" + field);
        }
    }

    @Test
    void aConflictSalesforceWonIsSentBackFromTheInbox(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long contact = tandem.admin().post("/api/contacts", "{\"email\":\"both." + tag + "@console-it.example\",\"lastName\":\"Both\","
                + "\"title\":\"Start\"}").json().getJsonNumber("id").longValue();
        String lead = db.awaitLinked(contact, WAIT);
        String mode = tandem.admin().get("/api/settings/field-mappings").json().getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class)
                .stream().filter(m -> m.getString("field").equals("title")).findFirst().orElseThrow().getString("mode");
        jakarta.json.JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        try {
            assertEquals(200, tandem.admin().put("/api/settings/field-mappings/title", "{\"mode\":\"two_way\"}").status());
            // Tandem's change held back (writing contacts off), then a later one in Salesforce: both changed since they agreed
            assertEquals(200, tandem.admin().put("/api/settings/sync", jakarta.json.Json.createObjectBuilder(settings).add("writeContacts", false)
                    .build().toString()).status());
            assertEquals(200, tandem.admin().patch("/api/contacts/" + contact, "{\"title\":\"Tandem title\"}").status());
            Eventually.nextSecond();
            sf.patch("/__emulator/as-rep/Lead/" + lead, "{\"Title\":\"Salesforce title\"}");
            Eventually.await(WAIT, () -> tandem.admin().get("/api/contacts/" + contact).json().getString("title"), "Salesforce title"::equals);
            assertEquals(200, tandem.admin().put("/api/settings/sync", settings.toString()).status());

            signIn(tandem, "admin", TandemServer.ADMIN_PASSWORD);
            browser.get(tandem.baseUrl() + "/conflicts.xhtml");
            WebElement row = browser.findElement(By.xpath("//tr[.//a[contains(text(),'both." + tag + "@')]]"));
            assertTrue(row.getText().contains("Tandem title") && row.getText().contains("Salesforce title"), row.getText());
            assertEquals("salesforce", row.findElement(By.cssSelector(".kept")).getText());
            shot("conflicts");
            row.findElement(By.cssSelector("button.send-other")).click();
            waitFor(WAIT, d -> d.findElements(By.xpath("//tr[.//a[contains(text(),'both." + tag + "@')]]")).isEmpty());
            Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + lead).json().getString("Title"), "Tandem title"::equals);
            assertEquals("other_sent", tandem.admin().get("/api/conflicts?open=false").json().getJsonArray("items").getValuesAs(
                    jakarta.json.JsonObject.class).stream().filter(c -> c.getJsonNumber("contactId").longValue() == contact).findFirst().orElseThrow()
                    .getString("resolution"));
        } finally {
            tandem.admin().put("/api/settings/sync", settings.toString());
            tandem.admin().put("/api/settings/field-mappings/title", "{\"mode\":\"" + mode + "\"}");
        }
    }

    @Test
    void theImportStartedOnTheJobsPageShowsItsProgressToDone(TandemServer.Running tandem) {
        signIn(tandem, "admin", TandemServer.ADMIN_PASSWORD);
        browser.get(tandem.baseUrl() + "/jobs.xhtml");
        long before = tandem.admin().get("/api/sync/jobs").json().getJsonNumber("total").longValue();
        browser.findElement(By.id("jobs:import-again")).click();
        shot("jobs-import-started");
        Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/jobs").json().getJsonNumber("total").longValue(), n -> n > before);
        Eventually.await(Duration.ofSeconds(90), () -> tandem.admin().get("/api/sync/jobs").json().getJsonArray("items").getJsonObject(0)
                .getString("status"), "COMPLETED"::equals);
        // the table refreshes itself: the newest execution's status COMPLETED and its bar at 100 %
        try {
            waitFor(Duration.ofSeconds(20), d -> {
                WebElement r = d.findElement(By.cssSelector("#jobs\\:executions_data tr"));
                return r.findElement(By.cssSelector(".job")).getText().equals("salesforce-import")
                        && r.findElement(By.cssSelector(".status")).getText().equals("COMPLETED")
                        && "100".equals(r.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuenow"));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.manage().logs().get("browser").forEach(l -> System.out.println("BROWSER " + l));
            System.out.println("PAGE " + browser.getPageSource());
            throw e;
        } finally {
            shot("jobs-import-done");
        }
    }

    @Test
    void theConnectionIsSetUpOnItsPageWithAnUploadedKeyAndWithASignInAtSalesforce(TandemServer.Running tandem) throws Exception {
        String emulator = tandem.emulator().baseUrl();
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair keys = generator.generateKeyPair();
        java.util.Base64.Encoder pem = java.util.Base64.getMimeEncoder(64, "\n".getBytes());
        String publicKey = "-----BEGIN PUBLIC KEY-----\n" + pem.encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        Path keyFile = Files.createTempFile("tandem-key", ".pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n" + pem.encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Api sf = Api.anonymous(emulator);
        assertEquals(200, sf.post("/__emulator/config", "{\"jwt\":{\"clientId\":\"console-jwt\",\"certificate\":"
                + jakarta.json.Json.createValue(publicKey) + "}}").status());
        try {
            signIn(tandem, "admin", TandemServer.ADMIN_PASSWORD);
            browser.get(tandem.baseUrl() + "/connection.xhtml");
            shot("connection");
            // JWT bearer: the private key uploaded as a file
            new Select(browser.findElement(By.id("connection:flow"))).selectByValue("jwt_bearer");
            type("connection:loginUrl", emulator);
            type("connection:clientId", "console-jwt");
            type("connection:username", "integration@tandem-demo.example");
            browser.findElement(By.id("connection:privateKey")).sendKeys(keyFile.toString());
            submit("connection:save");
            assertTrue(browser.findElement(By.id("connection:messages")).getText().contains("Saved"), browser.findElement(By.id("connection:messages")).getText());
            assertEquals("jwt_bearer", browser.findElement(By.id("current-flow")).getText());
            submit("test:run");
            assertTrue(browser.findElement(By.id("test-result")).getText().startsWith("Connected"), browser.findElement(By.id("test-result")).getText());
            // a file that is no private key is refused with the field's name
            Path notAKey = Files.createTempFile("tandem-not-a-key", ".txt");
            Files.writeString(notAKey, "hello");
            browser.findElement(By.id("connection:privateKey")).sendKeys(notAKey.toString());
            submit("connection:save");
            assertTrue(browser.findElement(By.id("connection:messages")).getText().startsWith("privateKey:"));
            // a key pair made by Tandem: its certificate goes to the connected app, and the connection works
            new Select(browser.findElement(By.id("connection:flow"))).selectByValue("jwt_bearer");
            type("connection:clientId", "console-jwt-made");
            type("connection:username", "integration@tandem-demo.example");
            submit("connection:generate-key");
            String certificate = browser.findElement(By.id("certificate")).getAttribute("value");
            assertTrue(certificate.startsWith("-----BEGIN CERTIFICATE-----"), certificate);
            assertEquals(200, sf.post("/__emulator/config", "{\"jwt\":{\"clientId\":\"console-jwt-made\",\"certificate\":"
                    + jakarta.json.Json.createValue(certificate) + "}}").status());
            submit("test:run");
            assertTrue(browser.findElement(By.id("test-result")).getText().startsWith("Connected"), browser.findElement(By.id("test-result")).getText());
            assertEquals("console-jwt-made", browser.findElement(By.id("current-client")).getText());
            // a save with no file chosen saves
            new Select(browser.findElement(By.id("connection:flow"))).selectByValue("client_credentials");
            type("connection:clientId", "tandem-demo");
            type("connection:clientSecret", "tandem-demo-secret");
            submit("connection:save");
            assertEquals("client_credentials", browser.findElement(By.id("current-flow")).getText());

            // refresh token: a sign-in at Salesforce and back through the callback page
            new Select(browser.findElement(By.id("connection:flow"))).selectByValue("refresh_token");
            type("connection:loginUrl", emulator);
            type("connection:clientId", "another-app");
            submit("connection:sign-in");
            assertTrue(browser.findElement(By.id("connection:messages")).getText().startsWith("clientSecret:"),
                    "no secret given or stored for that app: said before leaving for Salesforce");
            assertTrue(browser.findElements(By.id("authorize")).isEmpty());
            new Select(browser.findElement(By.id("connection:flow"))).selectByValue("refresh_token");
            type("connection:loginUrl", emulator);
            type("connection:clientId", "tandem-demo");
            type("connection:clientSecret", "tandem-demo-secret");
            submit("connection:sign-in");
            submit("authorize");
            assertTrue(browser.getCurrentUrl().startsWith(emulator + "/services/oauth2/authorize"), browser.getCurrentUrl());
            browser.findElement(By.id("username")).sendKeys("integration@tandem-demo.example");
            browser.findElement(By.id("password")).sendKeys("demo-password");
            shot("connection-salesforce-consent");
            submit("allow");
            assertTrue(browser.getCurrentUrl().startsWith(tandem.baseUrl() + "/connection-callback.xhtml?code="), browser.getCurrentUrl());
            shot("connection-callback");
            assertTrue(browser.findElement(By.id("outcome")).getText().startsWith("Connected with the refresh-token flow"),
                    browser.findElement(By.id("outcome")).getText());
            JsonObject saved = tandem.admin().get("/api/settings/connection").json();
            assertEquals("refresh_token", saved.getString("flow"));
            assertTrue(tandem.admin().post("/api/settings/connection/test", "{}").json().getBoolean("ok"));
            // the same answer again (a replayed callback) changes nothing
            browser.navigate().refresh();
            assertTrue(browser.findElement(By.id("outcome")).getText().contains("belongs to no sign-in"));
        } finally {
            tandem.admin().send(tandem.admin().request("/api/settings/connection").header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"loginUrl\":\"" + emulator + "\",\"flow\":\"client_credentials\","
                            + "\"clientId\":\"tandem-demo\",\"clientSecret\":\"tandem-demo-secret\"}")));
        }
    }

    /** The ids (or names) of the page's visible form controls that have no label, title or aria-label. */
    @SuppressWarnings("unchecked")
    private List<String> unlabelledControls() {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('input, select, textarea'))"
                        + ".filter(e => !['hidden', 'submit', 'button'].includes(e.type) && e.offsetParent !== null)"
                        + ".filter(e => !e.closest('label') && !e.title && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')"
                        + " && !(e.id && document.querySelector('label[for=\"' + CSS.escape(e.id) + '\"]')))"
                        + ".map(e => e.id || e.name)");
    }

    /** Clicks a button that posts the page, and waits for the page that answers. */
    private void submit(String id) {
        WebElement button = browser.findElement(By.id(id));
        button.click();
        waitFor(WAIT, d -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true; // stale, or no longer in the document: the next page is there
            }
        });
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void anAdminManagesUsersAndTokensOnTheirPage(TandemServer.Running tandem) {
        String name = "page-user-" + UUID.randomUUID().toString().substring(0, 6);
        signIn(tandem, "admin", TandemServer.ADMIN_PASSWORD);
        browser.get(tandem.baseUrl() + "/users.xhtml");
        type("new-user:name", name);
        type("new-user:password", "short");
        submit("new-user:create");
        assertTrue(browser.findElement(By.id("messages")).getText().contains("password: must be at least 12 characters"),
                browser.findElement(By.id("messages")).getText());
        type("new-user:name", name);
        type("new-user:password", "A-long-enough-" + UUID.randomUUID());
        new Select(browser.findElement(By.id("new-user:role"))).selectByValue("operator");
        submit("new-user:create");
        assertEquals("operator", tandem.admin().get("/api/users/" + name).json().getString("role"));
        WebElement row = browser.findElement(By.xpath("//tr[.//span[@class='user' and text()='" + name + "']]"));
        row.findElement(By.cssSelector("input[value=Disable]")).click();
        waitFor(WAIT, d -> !tandem.admin().get("/api/users/" + name).json().getBoolean("enabled"));

        String tokenName = "page-token-" + UUID.randomUUID().toString().substring(0, 6);
        type("new-token:name", tokenName);
        type("new-token:days", "30");
        submit("new-token:issue");
        String secret = browser.findElement(By.id("issued-secret")).getText();
        shot("users");
        assertEquals(200, tandem.anonymous().withToken(secret).get("/api/contacts?limit=1").status(), "the issued token signs in");
        browser.get(tandem.baseUrl() + "/users.xhtml");
        assertTrue(browser.findElements(By.id("issued-secret")).isEmpty(), "the secret is shown once");
        browser.findElement(By.xpath("//tr[.//span[@class='token' and text()='" + tokenName + "']]//input[@value='Revoke']")).click();
        waitFor(WAIT, d -> tandem.anonymous().withToken(secret).get("/api/contacts?limit=1").status() == 401);
    }

    @Test
    void aCsvFileIsUploadedItsColumnsMappedAndItsImportFollowedToDone(TandemServer.Running tandem) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path csv = Files.createTempFile("tandem-page-import", ".csv");
        StringBuilder text = new StringBuilder("Inbox,First Name,Shoe Size\n");
        for (int i = 0; i < 300; i++) {
            text.append("row").append(i).append('.').append(tag).append("@page-import.example,Row").append(i).append(",4").append(i % 10).append('\n');
        }
        text.append("not-an-email,Broken,40\n");
        Files.writeString(csv, text);
        String operator = "importer-" + tag;
        String password = "Imports-by-the-page-" + tag;
        assertEquals(201, tandem.admin().post("/api/users", "{\"name\":\"" + operator + "\",\"password\":\"" + password
                + "\",\"role\":\"operator\"}").status());
        signIn(tandem, operator, password);
        browser.get(tandem.baseUrl() + "/imports.xhtml");
        browser.findElement(By.id("upload:file")).sendKeys(csv.toString());
        submit("upload:next");
        WebElement email = browser.findElement(By.xpath("//tr[.//span[@class='column' and text()='Inbox']]//select"));
        assertEquals("", new Select(email).getFirstSelectedOption().getAttribute("value"), "no field by that name: left to choose");
        WebElement first = browser.findElement(By.xpath("//tr[.//span[@class='column' and text()='First Name']]//select"));
        assertEquals("firstName", new Select(first).getFirstSelectedOption().getAttribute("value"), "found by name");
        submit("mapping:start");
        assertTrue(browser.findElement(By.id("messages")).getText().contains("no column is mapped to email"),
                browser.findElement(By.id("messages")).getText());
        new Select(browser.findElement(By.xpath("//tr[.//span[@class='column' and text()='Inbox']]//select"))).selectByValue("email");
        assertEquals(List.of(), unlabelledControls(), "imports: every control has a label");
        shot("imports-mapping");
        submit("mapping:start");
        assertTrue(browser.getCurrentUrl().contains("imports.xhtml?id="), browser.getCurrentUrl());
        waitFor(WAIT, d -> d.findElement(By.id("status")).getText().equals("completed")
                && "100".equals(d.findElement(By.cssSelector("#progress\\:panel [role=progressbar]")).getAttribute("aria-valuenow")));
        shot("imports-done");
        assertTrue(browser.findElement(By.id("counts")).getText().contains("300 created"), browser.findElement(By.id("counts")).getText());
        assertTrue(browser.findElement(By.id("errors")).getText().contains("row 302"), "the bad row, by its number in the file");
        assertEquals(1, tandem.admin().get("/api/contacts?email=row7." + tag + "@page-import.example").json().getInt("total"));
    }

    @Test
    void campaignsActionsAndWorkflowsAreMadeAndChangedOnTheirPages(TandemServer.Running tandem) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String email = "member." + tag + "@pages-it.example";
        long contact = tandem.admin().post("/api/contacts", "{\"email\":\"" + email + "\",\"lastName\":\"Member\"}").json()
                .getJsonNumber("id").longValue();
        signIn(tandem, "admin", TandemServer.ADMIN_PASSWORD);

        // a campaign type, refused first for want of a default status
        browser.get(tandem.baseUrl() + "/campaigns.xhtml");
        type("new-type:name", "Webinar " + tag);
        type("new-type:statuses", "Invited\n+Attended");
        submit("new-type:define");
        assertTrue(browser.findElement(By.id("messages")).getText().contains("statuses"), browser.findElement(By.id("messages")).getText());
        type("new-type:name", "Webinar " + tag);
        type("new-type:statuses", "*Invited\n+Attended");
        submit("new-type:define");
        assertTrue(browser.findElement(By.xpath("//tr[.//span[@class='type' and text()='Webinar " + tag + "']]")).getText()
                .contains("Invited (default) → Attended (responded)"));

        // a campaign created in Salesforce too, then its page: a member added and moved
        type("new-campaign:name", "Spring webinar " + tag);
        new Select(browser.findElement(By.id("new-campaign:type"))).selectByVisibleText("Webinar " + tag);
        new Select(browser.findElement(By.id("new-campaign:mode"))).selectByValue("create");
        submit("new-campaign:create");
        shot("campaigns");
        WebElement row = browser.findElement(By.xpath("//table[@id='campaigns']//tr[.//a[text()='Spring webinar " + tag + "']]"));
        assertTrue(row.getText().contains("701"), "made in Salesforce: " + row.getText());
        row.findElement(By.cssSelector("a.campaign-link")).click();
        type("add:emails", email + "\nnobody." + tag + "@pages-it.example");
        submit("add:add");
        assertTrue(browser.findElement(By.id("messages")).getText().contains("1 added"), browser.findElement(By.id("messages")).getText());
        assertTrue(browser.findElement(By.id("messages")).getText().contains("nobody." + tag), "the email that is no contact, named");
        new Select(browser.findElement(By.xpath("//tr[.//a[@class='member' and text()='" + email + "']]//select"))).selectByValue("Attended");
        browser.findElement(By.xpath("//tr[.//a[@class='member' and text()='" + email + "']]//input[@value='Save']")).click();
        waitFor(WAIT, d -> d.findElement(By.id("messages")).getText().contains("is now Attended"));
        assertEquals(List.of(), unlabelledControls(), "campaign: every control has a label");
        shot("campaign");

        // an action for that contact
        browser.get(tandem.baseUrl() + "/actions.xhtml");
        type("new-action:ids", Long.toString(contact));
        submit("new-action:ask");
        assertTrue(browser.findElement(By.id("messages")).getText().contains("subject"), "a task needs its subject, named");
        type("new-action:ids", Long.toString(contact));
        type("new-action:subject", "Call about the webinar " + tag);
        submit("new-action:ask");
        assertTrue(browser.findElement(By.id("messages")).getText().contains("1 contacts"), browser.findElement(By.id("messages")).getText());
        assertTrue(browser.findElement(By.id("actions")).getText().contains("task"));
        shot("actions");

        // a workflow, switched off, deleted
        browser.get(tandem.baseUrl() + "/workflows.xhtml");
        type("new-workflow:name", "Greet " + tag);
        type("new-workflow:steps", "not json");
        submit("new-workflow:create");
        assertTrue(browser.findElement(By.id("messages")).getText().startsWith("steps:"), browser.findElement(By.id("messages")).getText());
        type("new-workflow:name", "Greet " + tag);
        type("new-workflow:steps", "[{\"action\":\"task\",\"subject\":\"Welcome " + tag + "\"}]");
        submit("new-workflow:create");
        String xpath = "//tr[.//span[@class='workflow' and text()='Greet " + tag + "']]";
        assertEquals("active", browser.findElement(By.xpath(xpath + "//span[@class='state']")).getText());
        browser.findElement(By.xpath(xpath + "//input[@value='Switch off']")).click();
        waitFor(WAIT, d -> d.findElement(By.xpath(xpath + "//span[@class='state']")).getText().equals("off"));
        shot("workflows");
        browser.findElement(By.xpath(xpath + "//input[@value='Delete']")).click();
        waitFor(WAIT, d -> d.findElements(By.xpath(xpath)).isEmpty());
    }

    @Test
    void aViewerFindsNoButtonThatChangesAnything(TandemServer.Running tandem) {
        String name = "viewer-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "Look-but-never-touch-" + UUID.randomUUID();
        assertEquals(201, tandem.admin().post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"viewer\"}").status());
        signIn(tandem, name, password);
        assertTrue(browser.findElements(By.id("limits:save-limits")).isEmpty(), "no limits form");
        browser.get(tandem.baseUrl() + "/settings.xhtml");
        assertTrue(browser.findElements(By.cssSelector("input[type=submit][value=Save]")).isEmpty(), "no settings button");
        browser.get(tandem.baseUrl() + "/fields.xhtml");
        assertTrue(browser.findElements(By.cssSelector("select")).isEmpty() && browser.findElements(By.id("add:save")).isEmpty(), "no mode to change");
        browser.get(tandem.baseUrl() + "/jobs.xhtml");
        assertTrue(browser.findElements(By.id("jobs:import-again")).isEmpty(), "no import to start");
        for (String adminsOnly : List.of("connection", "users")) {
            browser.get(tandem.baseUrl() + "/" + adminsOnly + ".xhtml");
            assertTrue(browser.findElement(By.id("admins-only")).isDisplayed(), adminsOnly + ": nothing to see");
        }
        for (String page : List.of("connection", "users", "campaigns", "actions", "workflows", "imports", "settings")) {
            browser.get(tandem.baseUrl() + "/" + page + ".xhtml");
            assertTrue(browser.findElements(By.cssSelector("input[type=submit], button[type=submit]")).stream()
                    .allMatch(b -> "Sign out".equals(b.getAttribute("value")) || "Filter".equals(b.getText())), page + ": no button that changes anything");
        }
        shot("viewer-jobs");
    }

    private void signIn(TandemServer.Running tandem, String user, String password) {
        browser.get(tandem.baseUrl() + "/index.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
        waitFor(WAIT, d -> !d.findElements(By.id("drain-ticks")).isEmpty());
    }

    /**
     * Waits for a condition on pages that refresh themselves: a poll may replace an element between
     * finding it and reading it, so a stale element means "look again", not a failure.
     */
    private <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private void shot(String name) {
        try {
            Files.createDirectories(SHOTS);
            File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("screenshot " + name + ": " + e.getMessage(), e);
        }
    }
}
