package io.tandem.application.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A key pair for the JWT bearer flow, made here so that an administrator needs no OpenSSL: an RSA 2048 key
 * whose private half Tandem keeps, and a self-signed X.509 certificate of its public half (SHA-256 with RSA)
 * to upload to the connected app in Salesforce. The certificate is written in DER by hand: the JDK reads
 * certificates but has no public API to make one.
 */
public final class JwtKeys {

    /** The private key (PKCS#8 PEM) and the certificate (PEM), as a pair. */
    public record Pair(String privateKeyPem, String certificatePem, Instant notAfter) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SHA256_WITH_RSA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x0B};
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private JwtKeys() {
    }

    /** A new pair; the certificate names {@code commonName} and lasts {@code days} days from {@code now}. */
    public static Pair generate(String commonName, Instant now, int days) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair keys = generator.generateKeyPair();
            Instant notAfter = now.plusSeconds(86_400L * days);
            byte[] algorithm = sequence(tlv(0x06, SHA256_WITH_RSA), tlv(0x05, new byte[0]));
            byte[] name = sequence(tlv(0x31, sequence(tlv(0x06, COMMON_NAME), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
            byte[] serial = new BigInteger(127, RANDOM).add(BigInteger.ONE).toByteArray();
            byte[] toBeSigned = sequence(
                    tlv(0xA0, tlv(0x02, new byte[]{2})),
                    tlv(0x02, serial),
                    algorithm,
                    name,
                    sequence(time(now), time(notAfter)),
                    name,
                    keys.getPublic().getEncoded());
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(toBeSigned);
            byte[] signature = signer.sign();
            byte[] bits = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] certificate = sequence(toBeSigned, algorithm, tlv(0x03, bits));
            return new Pair(pem("PRIVATE KEY", keys.getPrivate().getEncoded()), pem("CERTIFICATE", certificate), notAfter);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys: " + e.getMessage(), e);
        }
    }

    private static byte[] time(Instant at) {
        return tlv(0x17, UTC_TIME.format(at).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        return tlv(0x30, content.toByteArray());
    }

    /** A DER element: its tag, its length (short form below 128, else long form) and its content. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 128) {
            out.write(n);
        } else {
            byte[] length = BigInteger.valueOf(n).toByteArray();
            int start = length[0] == 0 ? 1 : 0;
            out.write(0x80 | (length.length - start));
            out.write(length, start, length.length - start);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
