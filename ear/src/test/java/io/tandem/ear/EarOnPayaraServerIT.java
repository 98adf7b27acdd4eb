package io.tandem.ear;

import io.tandem.launcher.EmbeddedDatabase;
import io.tandem.launcher.Ports;
import io.tandem.launcher.TandemHome;
import io.tandem.testing.Api;
import io.tandem.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EAR on a full Payara Server, set up the way an administrator would with asadmin: the driver in
 * the domain's lib, the pool and batch runtime from the same command file Payara Micro boots with,
 * then deploy. Proves the app starts and that asadmin lists the batch job executions.
 */
class EarOnPayaraServerIT {

    private static final String DOMAIN = "tandem-ear-it";
    private static final String ADMIN_PASSWORD = "ear-it-secret";

    private static EmbeddedDatabase db;
    private static Path asadmin;
    private static int portBase;
    private static Map<String, String> env;

    @BeforeAll
    static void deploy() throws Exception {
        TandemHome home = TandemHome.find(Path.of(System.getProperty("tandem.home", "..")));
        Path payara = Path.of(System.getProperty("payara.home"));
        asadmin = payara.resolve("bin/asadmin");
        asadmin.toFile().setExecutable(true);
        db = EmbeddedDatabase.start(Ports.anyFree(), Path.of("target/ear-it-data/mariadb").toAbsolutePath(), "256M");
        portBase = freePortBase();
        env = new HashMap<>();
        env.put("TANDEM_JDBC_URL", db.target().payaraUrl());
        env.put("TANDEM_DB_USER", db.target().user());
        env.put("TANDEM_DB_PASSWORD", db.target().password());
        env.put("TANDEM_DB_SCHEMA", db.target().schema());
        env.put("TANDEM_ADMIN_PASSWORD", ADMIN_PASSWORD);

        asadmin("delete-domain", DOMAIN);
        run(true, "create-domain", "--nopassword=true", "--portbase=" + portBase, DOMAIN);
        Path lib = payara.resolve("glassfish/domains/" + DOMAIN + "/lib");
        Files.createDirectories(lib);
        Files.copy(home.jdbcDriverJar(), lib.resolve("mariadb-java-client.jar"), StandardCopyOption.REPLACE_EXISTING);
        run(true, "start-domain", DOMAIN);
        run(true, "--port=" + adminPort(), "multimode", "--file", home.bootCommands().toString());
        run(true, "--port=" + adminPort(), "deploy", "--contextroot=/", "--name=tandem", System.getProperty("tandem.ear"));
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (asadmin != null) {
            asadmin("stop-domain", "--kill=true", DOMAIN);
            asadmin("delete-domain", DOMAIN);
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void startsRunsAJobAndAsadminListsIt() throws Exception {
        String base = "http://127.0.0.1:" + (portBase + 80);
        Api.Response ready = Eventually.await(Duration.ofMinutes(2), () -> Api.anonymous(base).get("/health/ready"),
                r -> r.status() == 200);
        assertTrue(ready.body().contains("UP"), ready.body());

        Api admin = Api.basic(base, "admin", ADMIN_PASSWORD);
        assertEquals(401, Api.anonymous(base).get("/api/sync/jobs").status());
        Api.Response started = admin.post("/api/sync/jobs", "{\"job\":\"heartbeat\"}");
        assertEquals(202, started.status(), started.body());
        long id = started.json().getJsonNumber("id").longValue();
        Eventually.await(Duration.ofSeconds(60), () -> admin.get("/api/sync/jobs/" + id).json().getString("status"),
                "COMPLETED"::equals);

        String listed = run(true, "--port=" + adminPort(), "list-batch-jobs", "--long=true");
        assertTrue(listed.contains("heartbeat"), listed);
        assertTrue(listed.contains("COMPLETED"), listed);
    }

    private static int adminPort() {
        return portBase + 48;
    }

    private static int freePortBase() {
        for (int base = 28000; base < 60000; base += 100) {
            if (Ports.isFree(base + 48) && Ports.isFree(base + 80) && Ports.isFree(base + 81) && Ports.isFree(base + 76)
                    && Ports.isFree(base + 86) && Ports.isFree(base + 37) && Ports.isFree(base + 38) && Ports.isFree(base + 39)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range for the test domain");
    }

    private static String asadmin(String... args) throws IOException, InterruptedException {
        return run(false, args);
    }

    private static String run(boolean mustSucceed, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(asadmin.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env == null ? Map.of() : env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("asadmin " + String.join(" ", args) + " did not finish");
        }
        if (mustSucceed && p.exitValue() != 0) {
            throw new AssertionError("asadmin " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }
}
