package io.tandem.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a Tandem checkout the launcher needs, found relative to its root (the folder holding
 * {@code ./tandem}). Everything it writes at run time goes below {@link #dataDir()}.
 */
public record TandemHome(Path root, Path dataDir) {

    private static final String BOOT_COMMANDS = "server-config/payara/post-boot-commands.asadmin";

    public static TandemHome at(Path root) {
        return new TandemHome(root.toAbsolutePath().normalize(), root.toAbsolutePath().normalize().resolve("data"));
    }

    /** Walks up from {@code start} to the folder that holds the server configuration. */
    public static TandemHome find(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(BOOT_COMMANDS))) {
                return at(p);
            }
        }
        throw new IllegalStateException("No Tandem checkout above " + start + " (looked for " + BOOT_COMMANDS + ")");
    }

    public Path payaraMicroJar() {
        return required("launcher/target/payara/payara-micro.jar");
    }

    public Path jdbcDriverJar() {
        return required("launcher/target/payara/mariadb-java-client.jar");
    }

    public Path war() {
        return required("web/target/tandem.war");
    }

    public Path preBootCommands() {
        return required("server-config/payara/pre-boot-commands.asadmin");
    }

    public Path bootCommands() {
        return required(BOOT_COMMANDS);
    }

    public Path loggingProperties() {
        return required("server-config/payara/logging.properties");
    }

    public Path dataPath(String name) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dataDir, e);
        }
        return dataDir.resolve(name);
    }

    private Path required(String relative) {
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: build first (./mvnw -B -DskipTests install)");
        }
        return p;
    }
}
