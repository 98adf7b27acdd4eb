package io.tandem.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTPS listener: on {@code TANDEM_HTTPS_PORT} (default 8443; {@code off} for none) with the
 * keystore in {@code TANDEM_TLS_KEYSTORE} (PKCS12, its password in {@code TANDEM_TLS_KEYSTORE_PASSWORD},
 * the key's alias in {@code TANDEM_TLS_ALIAS}, default {@code tandem}), or else a self-signed one made
 * at the first start under {@code data/tls}, which the start says. The keystore password reaches the
 * server JVM in an owner-only argument file, never on its command line or in a log.
 */
public record TlsListener(int port, Path keystore, String password, String alias, boolean generated) {

    static final String DEFAULT_ALIAS = "tandem";

    /** The listener the environment asks for, or null when HTTPS is off. */
    public static TlsListener decide(Map<String, String> env, Path tlsDir, int defaultPort) {
        String port = env.getOrDefault("TANDEM_HTTPS_PORT", Integer.toString(defaultPort)).trim();
        if (port.equalsIgnoreCase("off")) {
            return null;
        }
        int httpsPort;
        try {
            httpsPort = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new LaunchException("TANDEM_HTTPS_PORT must be a port number or off, was: " + port);
        }
        String alias = env.getOrDefault("TANDEM_TLS_ALIAS", DEFAULT_ALIAS);
        String configured = env.get("TANDEM_TLS_KEYSTORE");
        if (configured != null && !configured.isBlank()) {
            Path keystore = Path.of(configured);
            if (!Files.isReadable(keystore)) {
                throw new LaunchException("TANDEM_TLS_KEYSTORE names " + keystore + ", which cannot be read");
            }
            return new TlsListener(httpsPort, keystore, env.getOrDefault("TANDEM_TLS_KEYSTORE_PASSWORD", ""), alias, false);
        }
        return selfSigned(httpsPort, tlsDir);
    }

    /** The keystore made at the first start (kept for later starts, so browsers see the same certificate). */
    static TlsListener selfSigned(int port, Path tlsDir) {
        Path keystore = tlsDir.resolve("keystore.p12");
        Path passwordFile = tlsDir.resolve("keystore.password");
        try {
            if (!Files.exists(keystore) || !Files.exists(passwordFile)) {
                Files.createDirectories(tlsDir);
                ownerOnly(tlsDir, "rwx------");
                byte[] secret = new byte[24];
                new SecureRandom().nextBytes(secret);
                String password = HexFormat.of().formatHex(secret);
                Files.deleteIfExists(keystore);
                Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
                ownerOnly(passwordFile, "rw-------");
                keytool(List.of("-genkeypair", "-alias", DEFAULT_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "825",
                        "-dname", "CN=localhost, O=Tandem (self-signed at first start)", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password));
                ownerOnly(keystore, "rw-------");
            }
            return new TlsListener(port, keystore, Files.readString(passwordFile, StandardCharsets.UTF_8).trim(), DEFAULT_ALIAS, true);
        } catch (IOException e) {
            throw new LaunchException("Could not make a self-signed keystore in " + tlsDir + ": " + e.getMessage());
        }
    }

    /** The JVM options that point the server at the keystore, written to an owner-only argument file. */
    Path argumentFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("tls.args");
        Files.deleteIfExists(file);
        Files.createFile(file);
        ownerOnly(file, "rw-------");
        Files.writeString(file, String.join("\n", "-Djavax.net.ssl.keyStore=" + quoted(keystore.toAbsolutePath().toString()),
                "-Djavax.net.ssl.keyStorePassword=" + quoted(password), "-Djavax.net.ssl.keyStoreType=PKCS12") + "\n");
        return file;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void keytool(List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the keystore");
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
