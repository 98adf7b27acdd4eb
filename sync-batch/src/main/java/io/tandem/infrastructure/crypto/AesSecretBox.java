package io.tandem.infrastructure.crypto;

import io.tandem.domain.service.SecretBox;
import io.tandem.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts what must be stored but never shown (Salesforce secrets) with AES-256-GCM, under the key in
 * {@code TANDEM_SECRET_KEY} (base64 of 32 bytes; ./tandem run makes one in data/secret.key). Without a
 * key nothing secret is stored.
 */
@ApplicationScoped
public class AesSecretBox implements SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "tandem.secret-key")
    Optional<String> key;

    @Override
    public byte[] seal(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt: " + e.getMessage(), e);
        }
    }

    @Override
    public String open(byte[] stored) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, stored, 0, 12));
            return new String(c.doFinal(stored, 12, stored.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new InvalidValueException("secretKey", "the stored Salesforce secrets were encrypted with another "
                    + "TANDEM_SECRET_KEY; save the connection again");
        }
    }

    private SecretKeySpec key() {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key.orElse("").trim());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new InvalidValueException("secretKey", "set TANDEM_SECRET_KEY to the base64 of 32 random bytes "
                    + "(openssl rand -base64 32) before storing Salesforce secrets");
        }
        return new SecretKeySpec(raw, "AES");
    }
}
